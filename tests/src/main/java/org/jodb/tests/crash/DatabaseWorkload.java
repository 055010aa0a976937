package org.jodb.tests.crash;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.storage.file.FileStorage;

/**
 * A crash scenario through the whole stack: enhanced {@code @Persistent} objects changed through a
 * {@link Connection} and written by {@link Connection#commit()} (serialization, the object cache,
 * the record cache, the file storage). The root map holds {@code "marker"} ({@link CrashMarker})
 * and {@code "slot-i"} ({@link CrashSlot}); 32 slots, 4 rewritten per commit, mostly small payloads
 * with an occasional 200 KiB one.
 */
public final class DatabaseWorkload implements CrashWorkload {
    private static final String MARKER = "marker";
    private final CommitPlan plan = new CommitPlan(32, 4,
            random -> random.nextInt(20) == 0 ? 200 << 10 : random.nextInt(20, 2_000));

    private static String slotKey(int slot) {
        return "slot-" + slot;
    }

    @Override
    public void commitUntilKilled(Path file, Acknowledgements acks) {
        try (Database db = Database.open(file); Connection conn = db.open()) {
            Map<String, Object> root = conn.root();
            CrashMarker marker = (CrashMarker) root.get(MARKER);
            acks.ready();
            long next;
            if (marker == null) {
                for (int slot : plan.slotsOf(0)) {
                    root.put(slotKey(slot), new CrashSlot(slot, plan.payload(0, slot)));
                }
                marker = new CrashMarker(0);
                root.put(MARKER, marker);
                conn.commit();
                acks.committed(0);
                next = 1;
            } else {
                next = marker.transaction() + 1;
            }
            for (long n = next; ; n++) {
                for (int slot : plan.slotsOf(n)) {
                    ((CrashSlot) root.get(slotKey(slot))).rewrite(plan.payload(n, slot));
                }
                marker.advance(n);
                conn.commit();
                acks.committed(n);
            }
        }
    }

    @Override
    public long checkAfterCrash(Path file) {
        try (Database db = Database.open(file); Connection conn = db.open()) {
            ((FileStorage) db.storage()).verify();
            Map<String, Object> root = conn.root();
            CrashMarker marker = (CrashMarker) root.get(MARKER);
            long stored = marker == null ? -1 : marker.transaction();
            int expectedEntries = stored < 0 ? 0 : plan.slots() + 1;
            if (root.size() != expectedEntries) {
                throw new AssertionError("marker " + stored + ": root holds " + root.size()
                        + " entries, expected " + expectedEntries + ": " + root.keySet());
            }
            long[] writers = plan.lastWriters(stored);
            for (int slot = 0; stored >= 0 && slot < writers.length; slot++) {
                CrashSlot object = (CrashSlot) root.get(slotKey(slot));
                long writer = SelfCheckingPayload.decode(object.payload(), slot);
                if (object.slot() != slot || writer != writers[slot]
                        || !Arrays.equals(object.payload(), plan.payload(writer, slot))) {
                    throw new AssertionError("marker " + stored + ": slot " + slot + " holds transaction "
                            + writer + "'s payload, expected transaction " + writers[slot] + "'s");
                }
            }
            return stored;
        }
    }
}
