package org.jodb.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jodb.ConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The behaviour every {@link Storage} shares, run against each implementation by a subclass that
 * says how to create one.
 */
public abstract class StorageContractTest {
    protected static final long[] NO_REFS = new long[0];
    private final List<Storage> opened = new ArrayList<>();

    /** A fresh, empty storage keeping the {@code keepRevisions} newest revisions openable. */
    protected abstract Storage create(int keepRevisions);

    /** A fresh, empty storage whose change log covers the {@code revisions} newest revisions. */
    protected abstract Storage createWithChangeLog(int revisions);

    /**
     * How much superseded data {@code stats} says is still held for pinned or retained revisions
     * (versions, pages): 0 once nothing can see it.
     */
    protected abstract long supersededHeld(StorageStats stats);

    protected Storage storage() {
        return storage(1);
    }

    protected Storage storage(int keepRevisions) {
        return track(create(keepRevisions));
    }

    private Storage track(Storage storage) {
        opened.add(storage);
        return storage;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Storage::close);
    }

    protected static RecordWrite write(long oid, long base, int type, String payload) {
        return new RecordWrite(oid, base, type, NO_REFS, payload.getBytes(StandardCharsets.UTF_8));
    }

    protected static String text(Record record) {
        return record == null ? null : new String(record.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void recordsRoundTripWithSerialTypeAndReferences() {
        Storage s = storage();
        int type = s.typeId("test.Thing");
        assertEquals(0, s.lastRevision());
        long rev = s.commit(List.of(new RecordWrite(0x2a, 0, type, new long[] {3, 5, 0x2a},
                "a".getBytes(StandardCharsets.UTF_8))));
        assertEquals(1, rev);
        try (Snapshot snap = s.openSnapshot()) {
            Record r = snap.load(0x2a);
            assertEquals(0x2a, r.oid());
            assertEquals(1, r.serial());
            assertEquals(type, r.classId());
            assertArrayEquals(new long[] {3, 5, 0x2a}, r.references());
            assertEquals("a", text(r));
            assertNull(snap.load(7));
        }
    }

    @Test
    void conflictsNameOidAndRevisionsAndWriteNothing() {
        Storage s = storage();
        int t = s.typeId("t");
        s.commit(List.of(write(2, 0, t, "two"), write(3, 0, t, "three")));
        s.commit(List.of(write(3, 1, t, "three'")));
        ConflictException stale = assertThrows(ConflictException.class,
                () -> s.commit(List.of(write(2, 1, t, "two'"), write(4, 0, t, "four"), write(3, 1, t, "x"))));
        assertEquals(3, stale.oid());
        assertEquals(1, stale.readSerial());
        assertEquals(2, stale.currentSerial());
        assertTrue(stale.getMessage().contains("oid 0x3"), stale.getMessage());
        assertTrue(stale.getMessage().contains("revision 1") && stale.getMessage().contains("revision 2"),
                stale.getMessage());
        ConflictException exists = assertThrows(ConflictException.class,
                () -> s.commit(List.of(write(2, 0, t, "again"))));
        assertTrue(exists.getMessage().contains("oid 0x2 already exists"), exists.getMessage());
        assertEquals(0, exists.readSerial());
        assertEquals(1, exists.currentSerial());
        ConflictException missing = assertThrows(ConflictException.class,
                () -> s.commit(List.of(write(9, 4, t, "missing"))));
        assertEquals(4, missing.readSerial());
        assertEquals(0, missing.currentSerial());
        assertEquals(2, s.lastRevision());
        assertEquals(2, s.changesSince(0).size());
        try (Snapshot snap = s.openSnapshot()) {
            assertEquals("two", text(snap.load(2)));
            assertEquals(1, snap.load(2).serial());
            assertNull(snap.load(4));
            assertEquals("three'", text(snap.load(3)));
        }
        assertEquals(0, supersededHeld(s.stats()), "oid 3's first version was reclaimed");
        assertEquals(2, s.commit(List.of()), "an empty commit creates no revision");
        assertEquals(List.of(), s.changesSince(2));
    }

    @Test
    void aSnapshotOfAnEmptyStorageIsRevisionZeroAndSeesNothing() {
        try (Snapshot snap = storage().openSnapshot()) {
            assertEquals(0, snap.revision());
            assertNull(snap.load(Storage.ROOT_OID));
        }
    }

    @Test
    void snapshotsKeepTheirRevisionAndOldUnpinnedRevisionsAreRefused() {
        Storage s = storage();
        int t = s.typeId("t");
        s.commit(List.of(write(2, 0, t, "a1"), write(3, 0, t, "b1")));
        Snapshot old = s.openSnapshot();
        s.commit(List.of(write(2, 1, t, "a2")));
        s.commit(List.of(write(2, 2, t, "a3"), write(4, 0, t, "c3")));
        assertEquals(1, old.revision());
        assertEquals("a1", text(old.load(2)));
        assertEquals("b1", text(old.load(3)));
        assertNull(old.load(4), "created after the snapshot");
        try (Snapshot again = s.openSnapshot(1)) {
            assertEquals("a1", text(again.load(2)));
        }
        try (Snapshot latest = s.openSnapshot(3)) {
            assertEquals("a3", text(latest.load(2)));
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.openSnapshot(2))
                .getMessage().contains("no longer retained"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.openSnapshot(4))
                .getMessage().contains("does not exist"));
        assertThrows(IllegalArgumentException.class, () -> s.openSnapshot(-1));
        Snapshot other = s.openSnapshot();
        old.close();
        assertThrows(IllegalStateException.class, () -> old.load(2));
        assertDoesNotThrow(old::close);
        assertEquals(1, s.stats().openSnapshots(), "the second close released nothing");
        other.close();
        assertEquals(0, s.stats().openSnapshots());
        assertThrows(IllegalArgumentException.class, () -> s.openSnapshot(1));
        try (Snapshot now = s.openSnapshot()) {
            assertEquals(3, now.revision());
            assertEquals("a3", text(now.load(2)));
            assertEquals("c3", text(now.load(4)));
        }
    }

    @Test
    void retentionKeepsTheNewestRevisionsOpenable() {
        Storage s = storage(3);
        int t = s.typeId("t");
        for (int rev = 1; rev <= 5; rev++) {
            s.commit(List.of(write(2, rev - 1, t, "v" + rev)));
        }
        for (int rev = 3; rev <= 5; rev++) {
            try (Snapshot snap = s.openSnapshot(rev)) {
                assertEquals("v" + rev, text(snap.load(2)));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> s.openSnapshot(2));
    }

    @Test
    void changesSinceListsOidsPerRevisionOldestFirst() {
        Storage s = storage();
        int t = s.typeId("t");
        assertEquals(List.of(), s.changesSince(0));
        s.commit(List.of(write(2, 0, t, "a"), write(3, 0, t, "b")));
        s.commit(List.of(write(3, 1, t, "b'")));
        s.commit(List.of(write(4, 0, t, "c"), write(2, 1, t, "a'")));
        List<RevisionChanges> all = s.changesSince(0);
        assertEquals(List.of(1L, 2L, 3L), all.stream().map(RevisionChanges::revision).toList());
        assertArrayEquals(new long[] {2, 3}, all.get(0).oids());
        assertArrayEquals(new long[] {4, 2}, all.get(2).oids());
        assertArrayEquals(new long[] {3}, all.get(1).oids());
        assertEquals(List.of(3L), s.changesSince(2).stream().map(RevisionChanges::revision).toList());
        assertEquals(List.of(), s.changesSince(3));
        assertEquals(List.of(), s.changesSince(10), "a future revision has no changes yet");
        all.get(0).oids()[0] = 99;
        assertArrayEquals(new long[] {2, 3}, s.changesSince(0).get(0).oids());
        assertThrows(IllegalArgumentException.class, () -> s.changesSince(-1));
    }

    @Test
    void changesSinceReturnsNullOnceTheLogNoLongerReachesBack() {
        Storage s = track(createWithChangeLog(3));
        int t = s.typeId("t");
        for (int rev = 1; rev <= 5; rev++) {
            s.commit(List.of(write(2, rev - 1, t, "v" + rev)));
        }
        // the log holds revisions 3..5
        assertNull(s.changesSince(0));
        assertNull(s.changesSince(1));
        List<RevisionChanges> fromTwo = s.changesSince(2);
        assertEquals(List.of(3L, 4L, 5L), fromTwo.stream().map(RevisionChanges::revision).toList());
    }

    @Test
    void typeCatalogIsIdempotentAndRejectsUnknownIds() {
        Storage s = storage();
        assertEquals(1, s.typeId("com.example.A"));
        assertEquals(2, s.typeId("com.example.B"));
        assertEquals(1, s.typeId("com.example.A"));
        assertEquals("com.example.A", s.typeDescriptor(1));
        assertEquals("com.example.B", s.typeDescriptor(2));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.typeDescriptor(7))
                .getMessage().contains("7"));
        assertThrows(IllegalArgumentException.class, () -> s.typeDescriptor(0));
        assertThrows(IllegalArgumentException.class, () -> s.typeId(null));
    }

    @Test
    void concurrentRegistrationGivesEachDescriptorOneId() throws Exception {
        Storage s = storage();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<Integer>>> tasks = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                tasks.add(() -> {
                    List<Integer> ids = new ArrayList<>();
                    for (int i = 0; i < 500; i++) {
                        ids.add(s.typeId("T" + i));
                    }
                    return ids;
                });
            }
            List<Future<List<Integer>>> results = pool.invokeAll(tasks);
            List<Integer> first = results.get(0).get();
            for (Future<List<Integer>> result : results) {
                assertEquals(first, result.get(), "every thread sees the same id per descriptor");
            }
            assertEquals(500, new HashSet<>(first).size());
            for (int i = 0; i < 500; i++) {
                assertEquals("T" + i, s.typeDescriptor(first.get(i)));
                assertTrue(first.get(i) >= 1 && first.get(i) <= 500);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void malformedWritesAreRejectedBeforeAnythingIsWritten() {
        Storage s = storage();
        int t = s.typeId("t");
        assertRejected(s, "payload is null", () -> s.commit(List.of(
                write(2, 0, t, "ok"), new RecordWrite(3, 0, t, NO_REFS, null))));
        assertRejected(s, "references is null", () -> s.commit(List.of(
                new RecordWrite(3, 0, t, null, "x".getBytes(StandardCharsets.UTF_8)))));
        assertRejected(s, "invalid oid 0x0", () -> s.commit(List.of(write(0, 0, t, "x"))));
        assertRejected(s, "invalid oid", () -> s.commit(List.of(write(-5, 0, t, "x"))));
        assertRejected(s, "written twice", () -> s.commit(List.of(write(2, 0, t, "a"), write(2, 0, t, "b"))));
        assertRejected(s, "oid 0x3 is written twice", () -> s.commit(List.of(write(3, 0, t, "a"), write(4, 0, t, "b"),
                write(5, 0, t, "c"), write(2, 0, t, "d"), write(3, 0, t, "e")))); // ascending, then not
        assertRejected(s, "unknown type id 99", () -> s.commit(List.of(write(2, 0, 99, "x"))));
        assertRejected(s, "unknown type id 0", () -> s.commit(List.of(write(2, 0, 0, "x"))));
        assertRejected(s, "negative base serial", () -> s.commit(List.of(write(2, -1, t, "x"))));
        assertRejected(s, "a write is null", () -> s.commit(Arrays.asList(write(2, 0, t, "x"), null)));
        assertRejected(s, "writes is null", () -> s.commit(null));
        assertEquals(Storage.FIRST_OID, s.newOid());
        assertEquals(Storage.FIRST_OID + 1, s.newOid());
    }

    private static void assertRejected(Storage s, String fragment, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertEquals(0, s.lastRevision(), "a rejected commit writes nothing");
    }

    @Test
    void theRootOidMayBeWrittenButIsNeverAllocated() {
        Storage s = storage();
        s.commit(List.of(write(Storage.ROOT_OID, 0, s.typeId("t"), "root")));
        assertEquals(Storage.FIRST_OID, s.newOid());
        assertEquals(Storage.FIRST_OID + 1, s.newOid());
    }

    @Test
    void closedStorageRefusesUse() {
        Storage s = storage();
        int t = s.typeId("t");
        s.commit(List.of(write(2, 0, t, "a1")));
        Snapshot snap = s.openSnapshot();
        s.close();
        assertDoesNotThrow(s::close);
        assertEquals("storage closed", assertThrows(IllegalStateException.class, () -> snap.load(2)).getMessage());
        assertDoesNotThrow(snap::close);
        assertThrows(IllegalStateException.class, s::lastRevision);
        assertThrows(IllegalStateException.class, s::openSnapshot);
        assertThrows(IllegalStateException.class, () -> s.openSnapshot(1));
        assertThrows(IllegalStateException.class, s::newOid);
        assertThrows(IllegalStateException.class, () -> s.commit(List.of()));
        assertThrows(IllegalStateException.class, () -> s.changesSince(0));
        assertThrows(IllegalStateException.class, () -> s.typeId("x"));
        assertThrows(IllegalStateException.class, () -> s.typeDescriptor(1));
        assertThrows(IllegalStateException.class, s::stats);
    }

    /**
     * Writers move value between two counters in one commit each, retrying conflicts; readers check
     * that every snapshot sees a sum of zero, so no snapshot ever sees part of a commit. Every
     * successful commit got its own revision: together they are exactly revisions 2..451.
     */
    @Test
    void concurrentWritersAndReadersSeeOnlyWholeCommits() throws Exception {
        Storage s = storage();
        int t = s.typeId("t");
        s.commit(List.of(write(2, 0, t, "0"), write(3, 0, t, "0")));
        int writerCount = 3;
        int commitsPerWriter = 150;
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<Long>>> writers = new ArrayList<>();
            for (int w = 0; w < writerCount; w++) {
                writers.add(pool.submit(() -> {
                    List<Long> revisions = new ArrayList<>();
                    while (revisions.size() < commitsPerWriter) {
                        try (Snapshot snap = s.openSnapshot()) {
                            Record a = snap.load(2);
                            Record b = snap.load(3);
                            long x = Long.parseLong(text(a));
                            long y = Long.parseLong(text(b));
                            revisions.add(s.commit(List.of(write(2, a.serial(), t, Long.toString(x + 1)),
                                    write(3, b.serial(), t, Long.toString(y - 1)))));
                        } catch (ConflictException retry) {
                            // another writer won; read again
                        }
                    }
                    return revisions;
                }));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> {
                    do {
                        try (Snapshot snap = s.openSnapshot()) {
                            long sum = Long.parseLong(text(snap.load(2))) + Long.parseLong(text(snap.load(3)));
                            assertEquals(0, sum, "revision " + snap.revision());
                        }
                    } while (!stop.get());
                    return null;
                }));
            }
            java.util.TreeSet<Long> committed = new java.util.TreeSet<>();
            int acknowledged = 0;
            for (Future<List<Long>> writer : writers) {
                List<Long> revisions = writer.get();
                committed.addAll(revisions);
                acknowledged += revisions.size();
            }
            stop.set(true);
            for (Future<?> reader : readers) {
                reader.get();
            }
            long last = 1 + writerCount * commitsPerWriter;
            assertEquals(acknowledged, committed.size(), "two commits were given the same revision");
            assertEquals(2, committed.first());
            assertEquals(last, committed.last());
            try (Snapshot snap = s.openSnapshot()) {
                assertEquals(Long.toString(writerCount * commitsPerWriter), text(snap.load(2)));
                assertEquals(last, snap.revision());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
