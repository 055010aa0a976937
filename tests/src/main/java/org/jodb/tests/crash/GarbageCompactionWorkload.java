package org.jodb.tests.crash;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jodb.storage.Record;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Snapshot;
import org.jodb.storage.Storage;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;
import org.jodb.storage.file.VerifyResult;

/**
 * A crash scenario for garbage collection and compaction (where H2 MVStore #3765 and EclipseStore
 * PR #778 lost or half-wrote data), on the storage SPI. The root record ({@link Storage#ROOT_OID})
 * refers to the marker, to {@value #SLOTS} slots and to the {@value #SCRATCH} scratch objects of the
 * newest transaction. Transaction n rewrites the root, the marker, 4 slots and creates
 * {@value #SCRATCH} new scratch objects (half inline, half 2-24 KiB overflow extents), so the
 * previous transaction's scratch objects become unreachable. Every {@value #MAINTENANCE_EVERY}th
 * transaction is followed by {@link FileStorage#collectGarbage()} and {@link FileStorage#compact()}
 * with a reader pinned at that transaction throughout, announced as phases {@code gc-start} and
 * {@code compact-start} (then {@code maintenance-end}),
 * so each collection removes about a megabyte of garbage and compaction moves many pages.
 *
 * <p>Neither maintenance commit changes what is reachable, so the marker contract of
 * {@link CrashWorkload} holds unchanged: the parent checks that everything reachable after the
 * marker's transaction is present and exact, whether or not a collection had removed the garbage.
 */
public class GarbageCompactionWorkload implements CrashWorkload {
    static final int SLOTS = 48;
    static final int SCRATCH = 32;
    static final int MAINTENANCE_EVERY = 8;
    private static final int MARKER_SLOT = -1;
    private static final int ROOT_SLOT = -2;
    /** Scratch object i of a transaction uses this slot number plus i in its payload. */
    private static final int SCRATCH_SLOT = 1_000_000;
    private static final long MARKER_OID = Storage.FIRST_OID;
    private static final String TYPE = "crash-gc-record";

    private final CommitPlan plan = new CommitPlan(SLOTS, 4, random -> random.nextInt(20, 3_000));
    private final int scratchCount;
    private final CommitPlan scratch;
    private final FileStorageOptions options;

    public GarbageCompactionWorkload() {
        this(SCRATCH, new CommitPlan(SCRATCH, 1, random -> random.nextBoolean()
                ? random.nextInt(100, 900) : random.nextInt(2 << 10, 24 << 10)), FileStorageOptions.defaults());
    }

    /** A variant with {@code scratchCount} scratch objects per transaction sized by {@code scratch}. */
    protected GarbageCompactionWorkload(int scratchCount, CommitPlan scratch, FileStorageOptions options) {
        this.scratchCount = scratchCount;
        this.scratch = scratch;
        this.options = options;
    }

    private static long slotOid(int slot) {
        return MARKER_OID + 1 + slot;
    }

    @Override
    public void commitUntilKilled(Path file, Acknowledgements acks) {
        try (FileStorage storage = FileStorage.open(file, options)) {
            int type = storage.typeId(TYPE);
            Record root;
            Record marker;
            long[] serials = new long[SLOTS];
            try (Snapshot snapshot = storage.openSnapshot()) {
                root = snapshot.load(Storage.ROOT_OID);
                marker = snapshot.load(MARKER_OID);
                for (int slot = 0; slot < SLOTS; slot++) {
                    Record record = snapshot.load(slotOid(slot));
                    serials[slot] = record == null ? 0 : record.serial();
                }
            }
            long stored = marker == null ? -1 : SelfCheckingPayload.decode(marker.payload(), MARKER_SLOT);
            long rootSerial = root == null ? 0 : root.serial();
            long markerSerial = marker == null ? 0 : marker.serial();
            if (stored < 0) {
                for (int i = 0; i <= SLOTS; i++) {
                    if (storage.newOid() != MARKER_OID + i) {
                        throw new IllegalStateException("a new file hands out oids from FIRST_OID on");
                    }
                }
            }
            acks.ready();
            for (long n = stored + 1; ; n++) {
                List<RecordWrite> writes = new ArrayList<>();
                for (int slot : plan.slotsOf(n)) {
                    writes.add(new RecordWrite(slotOid(slot), serials[slot], type, new long[0],
                            plan.payload(n, slot)));
                }
                long[] references = fixedReferences(scratchCount);
                for (int i = 0; i < scratchCount; i++) {
                    references[SLOTS + 1 + i] = storage.newOid();
                    writes.add(new RecordWrite(references[SLOTS + 1 + i], 0, type, new long[0],
                            scratch.payload(n, SCRATCH_SLOT + i)));
                }
                writes.add(new RecordWrite(MARKER_OID, markerSerial, type, new long[0],
                        SelfCheckingPayload.encode(n, MARKER_SLOT, 64)));
                writes.add(new RecordWrite(Storage.ROOT_OID, rootSerial, type, references,
                        SelfCheckingPayload.encode(n, ROOT_SLOT, 64)));
                long revision = storage.commit(writes);
                for (int slot : plan.slotsOf(n)) {
                    serials[slot] = revision;
                }
                markerSerial = revision;
                rootSerial = revision;
                acks.committed(n);
                if (n % MAINTENANCE_EVERY == MAINTENANCE_EVERY - 1) {
                    maintain(storage, acks, n);
                }
            }
        }
    }

    /**
     * Collects (in batches, each a revision) and compacts (repacking the tree) while a reader stays
     * pinned at transaction {@code n}, which must still read its root afterwards.
     */
    private static void maintain(FileStorage storage, Acknowledgements acks, long n) {
        try (Snapshot pinned = storage.openSnapshot()) {
            acks.phase("gc-start");
            storage.collectGarbage();
            acks.phase("compact-start");
            storage.compact();
            acks.phase("maintenance-end");
            Record root = pinned.load(Storage.ROOT_OID);
            if (root == null || SelfCheckingPayload.decode(root.payload(), ROOT_SLOT) != n) {
                throw new AssertionError("a reader pinned at transaction " + n + " lost its root");
            }
        }
    }

    /** The root's references to the marker and the slots, with room for {@code extra} more. */
    private static long[] fixedReferences(int extra) {
        long[] references = new long[SLOTS + 1 + extra];
        references[0] = MARKER_OID;
        for (int slot = 0; slot < SLOTS; slot++) {
            references[1 + slot] = slotOid(slot);
        }
        return references;
    }

    @Override
    public long checkAfterCrash(Path file) {
        try (FileStorage storage = FileStorage.open(file, options)) {
            VerifyResult verified = storage.verify();
            try (Snapshot snapshot = storage.openSnapshot()) {
                Record marker = snapshot.load(MARKER_OID);
                long stored = marker == null ? -1 : SelfCheckingPayload.decode(marker.payload(), MARKER_SLOT);
                Record root = snapshot.load(Storage.ROOT_OID);
                if (stored < 0) {
                    if (root != null || verified.records() != 0) {
                        throw new AssertionError("no marker, but " + verified.records() + " records");
                    }
                    return stored;
                }
                if (root == null || SelfCheckingPayload.decode(root.payload(), ROOT_SLOT) != stored) {
                    throw new AssertionError("marker " + stored + ": the root is missing or of another transaction");
                }
                long[] references = root.references();
                long[] fixed = fixedReferences(0);
                if (references.length != fixed.length + scratchCount
                        || !Arrays.equals(Arrays.copyOf(references, fixed.length), fixed)) {
                    throw new AssertionError("marker " + stored + ": root references " + Arrays.toString(references));
                }
                long[] writers = plan.lastWriters(stored);
                for (int slot = 0; slot < SLOTS; slot++) {
                    check(snapshot.load(slotOid(slot)), slot, writers[slot], plan, stored);
                }
                for (int i = 0; i < scratchCount; i++) {
                    check(snapshot.load(references[fixed.length + i]), SCRATCH_SLOT + i, stored, scratch, stored);
                }
                // Unreachable scratch objects may remain (no collection since), but nothing reachable is gone.
                if (verified.records() < 2 + SLOTS + scratchCount) {
                    throw new AssertionError("marker " + stored + ": only " + verified.records() + " records");
                }
                return stored;
            }
        }
    }

    private static void check(Record record, int slot, long expectedWriter, CommitPlan from, long stored) {
        if (record == null) {
            throw new AssertionError("marker " + stored + ": reachable object of slot " + slot + " is missing");
        }
        long writer = SelfCheckingPayload.decode(record.payload(), slot);
        if (writer != expectedWriter || !Arrays.equals(record.payload(), from.payload(writer, slot))) {
            throw new AssertionError("marker " + stored + ": slot " + slot + " holds transaction " + writer
                    + "'s payload, expected transaction " + expectedWriter + "'s");
        }
    }
}
