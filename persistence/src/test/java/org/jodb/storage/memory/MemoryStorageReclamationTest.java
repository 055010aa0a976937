package org.jodb.storage.memory;

import static org.jodb.storage.memory.Writes.text;
import static org.jodb.storage.memory.Writes.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.jodb.ConflictException;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * Reclamation by the interval rule, checked against an independent model: every open snapshot
 * still reads exactly its revision, and the storage holds exactly the versions some pinned
 * revision can see, no more.
 */
class MemoryStorageReclamationTest {
    private static final int OBJECTS = 40;

    private final MemoryStorage storage = new MemoryStorage();
    private final int type = storage.typeId("test.Thing");

    /** oid -> payload at the newest revision. */
    private final Map<Long, String> current = new HashMap<>();
    /** oid -> serials of every version ever written, oldest first. */
    private final Map<Long, List<Long>> history = new HashMap<>();
    /** pinned revision -> the model's state at it. */
    private final Map<Long, Map<Long, String>> pinnedStates = new HashMap<>();
    /** pinned revision -> open snapshots pinning it. */
    private final TreeMap<Long, Integer> pins = new TreeMap<>();

    private long commit(List<Long> oids) {
        long revision = storage.lastRevision() + 1;
        List<RecordWrite> writes = new ArrayList<>();
        for (long oid : oids) {
            List<Long> serials = history.get(oid);
            long base = serials == null ? 0 : serials.get(serials.size() - 1);
            writes.add(write(oid, base, type, "oid " + oid + " at " + revision));
        }
        assertEquals(revision, storage.commit(writes));
        for (long oid : oids) {
            current.put(oid, "oid " + oid + " at " + revision);
            history.computeIfAbsent(oid, k -> new ArrayList<>()).add(revision);
        }
        return revision;
    }

    private Snapshot pin(Snapshot snapshot) {
        pins.merge(snapshot.revision(), 1, Integer::sum);
        pinnedStates.putIfAbsent(snapshot.revision(), new HashMap<>(current));
        return snapshot;
    }

    private void unpin(Snapshot snapshot) {
        snapshot.close();
        if (pins.merge(snapshot.revision(), -1, Integer::sum) == 0) {
            pins.remove(snapshot.revision());
            pinnedStates.remove(snapshot.revision());
        }
    }

    /** Versions the interval rule must keep: current ones plus those a pin lies inside. */
    private long expectedHeldVersions() {
        long held = 0;
        for (List<Long> serials : history.values()) {
            held++;
            for (int i = 0; i + 1 < serials.size(); i++) {
                Long pin = pins.ceilingKey(serials.get(i));
                if (pin != null && pin < serials.get(i + 1)) {
                    held++;
                }
            }
        }
        return held;
    }

    private void assertReadsItsRevision(Snapshot snapshot) {
        Map<Long, String> expected = pinnedStates.get(snapshot.revision());
        for (long oid = 2; oid < 2 + OBJECTS; oid++) {
            assertEquals(expected.get(oid), text(snapshot.load(oid)),
                    "oid " + oid + " in snapshot " + snapshot.revision());
        }
    }

    @Test
    void randomizedSnapshotsReadTheirRevisionAndOnlyVisibleVersionsAreHeld() {
        Random random = new Random(20141210);
        List<Snapshot> open = new ArrayList<>();
        long maxPending = 0;
        for (int step = 0; step < 6_000; step++) {
            int action = random.nextInt(100);
            if (action < 60) {
                List<Long> oids = new ArrayList<>();
                int count = 1 + random.nextInt(4);
                while (oids.size() < count) {
                    long oid = 2 + random.nextInt(OBJECTS);
                    if (!oids.contains(oid)) {
                        oids.add(oid);
                    }
                }
                commit(oids);
            } else if (action < 63 && !history.isEmpty()) {
                long oid = history.keySet().iterator().next();
                long before = storage.lastRevision();
                assertThrows(ConflictException.class, () -> storage.commit(List.of(
                        write(oid, 0, type, "conflicting create"))));
                assertEquals(before, storage.lastRevision());
            } else if (action < 75) {
                open.add(pin(storage.openSnapshot()));
            } else if (action < 78 && !pins.isEmpty()) {
                List<Long> pinned = new ArrayList<>(pins.keySet());
                open.add(pin(storage.openSnapshot(pinned.get(random.nextInt(pinned.size())))));
            } else if (action < 92 && !open.isEmpty()) {
                unpin(open.remove(random.nextInt(open.size())));
            } else if (!open.isEmpty()) {
                assertReadsItsRevision(open.get(random.nextInt(open.size())));
            }
            MemoryStorageStats stats = storage.stats();
            assertEquals(expectedHeldVersions(), stats.heldVersions(), "step " + step);
            assertEquals(stats.heldVersions() - stats.liveObjects(), stats.pendingVersions());
            assertEquals(pins.size(), stats.pinnedRevisions());
            assertEquals(open.size(), stats.openSnapshots());
            maxPending = Math.max(maxPending, stats.pendingVersions());
        }
        assertTrue(maxPending > 50, "the run exercised held versions: " + maxPending);
        for (Snapshot snapshot : open) {
            assertReadsItsRevision(snapshot);
        }
        while (!open.isEmpty()) {
            unpin(open.remove(open.size() - 1));
        }
        MemoryStorageStats stats = storage.stats();
        assertEquals(stats.liveObjects(), stats.heldVersions());
        assertEquals(0, stats.pendingVersions());
    }

    @Test
    void longLivedReaderHoldsOnlyTheVersionsItCanSee() {
        List<Long> all = new ArrayList<>();
        for (long oid = 2; oid < 2 + 100; oid++) {
            all.add(oid);
        }
        commit(all);
        Snapshot reader = pin(storage.openSnapshot());
        Random random = new Random(7);
        Set<Long> changedSincePin = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            long oid = 2 + random.nextInt(100);
            commit(List.of(oid));
            changedSincePin.add(oid);
            MemoryStorageStats stats = storage.stats();
            // LMDB's rule would hold every version since the reader: ~i of them.
            assertEquals(100 + changedSincePin.size(), stats.heldVersions(), "commit " + i);
        }
        assertEquals(10_001, storage.lastRevision());
        assertEquals(200, storage.stats().heldVersions(), "live objects + the reader's old versions");
        for (long oid = 2; oid < 102; oid++) {
            assertEquals("oid " + oid + " at 1", text(reader.load(oid)));
        }
        unpin(reader);
        assertEquals(100, storage.stats().heldVersions());
    }

    @Test
    void readersBetweenCommitsHoldOnlyTheVersionsInTheirIntervals() {
        commit(List.of(2L, 3L));           // r1
        Snapshot atOne = pin(storage.openSnapshot());
        commit(List.of(2L));               // r2: version 2@1 is visible to r1 -> held
        commit(List.of(3L));               // r3: version 3@1 is visible to r1 -> held
        Snapshot atThree = pin(storage.openSnapshot());
        commit(List.of(2L));               // r4: 2@2 visible to r3 -> held
        commit(List.of(2L));               // r5: 2@4 visible to no one -> freed at once
        assertEquals(2 + 3, storage.stats().heldVersions());
        unpin(atOne);                      // frees 2@1 and 3@1; 2@2 stays for r3
        assertEquals(2 + 1, storage.stats().heldVersions());
        assertEquals("oid 2 at 2", text(atThree.load(2)));
        assertEquals("oid 3 at 3", text(atThree.load(3)));
        unpin(atThree);
        assertEquals(2, storage.stats().heldVersions());
    }
}
