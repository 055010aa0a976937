package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.jodb.storage.GcResult;
import org.jodb.storage.Record;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Snapshot;
import org.jodb.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Space: a collection removes in batches that reuse what the batch before freed, compaction
 * repacks to about the size of a fresh store, and {@code stats()} reports the tree's fill.
 */
class FileStorageSpaceTest {
    private static final int COUNT = 12_000;
    private static final int PER_COMMIT = 1_000;
    @TempDir
    Path dir;

    private static byte[] payload(long oid) {
        byte[] bytes = new byte[40];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (oid * 31 + i);
        }
        return bytes;
    }

    /** Stores objects {@code FIRST_OID + i} for each {@code i < count} with {@code kept(i)}, then a root. */
    private static void store(FileStorage s, int count, IntPredicate kept) {
        int type = s.typeId("space");
        List<RecordWrite> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (kept.test(i)) {
                long oid = Storage.FIRST_OID + i;
                writes.add(new RecordWrite(oid, 0, type, new long[0], payload(oid)));
            }
            if (writes.size() == PER_COMMIT || (i == count - 1 && !writes.isEmpty())) {
                s.commit(writes);
                writes.clear();
            }
        }
        setRoot(s, count, kept);
    }

    private static void setRoot(FileStorage s, int count, IntPredicate kept) {
        long[] refs = IntStream.range(0, count).filter(kept).mapToLong(i -> Storage.FIRST_OID + i)
                .toArray();
        Record root;
        try (Snapshot snapshot = s.openSnapshot()) {
            root = snapshot.load(Storage.ROOT_OID);
        }
        s.commit(List.of(new RecordWrite(Storage.ROOT_OID, root == null ? 0 : root.serial(), s.typeId("space"), refs,
                new byte[1])));
    }

    private static boolean even(int i) {
        return i % 2 == 0;
    }

    private static void assertHolds(Snapshot snapshot, IntPredicate kept) {
        for (int i = 0; i < COUNT; i++) {
            long oid = Storage.FIRST_OID + i;
            if (kept.test(i)) {
                assertArrayEquals(payload(oid), snapshot.load(oid).payload(), "oid " + oid);
            } else {
                assertNull(snapshot.load(oid), "oid " + oid);
            }
        }
    }

    @Test
    void aCollectionRemovesInBatchesThatReuseWhatTheBatchBeforeFreed() {
        try (FileStorage s = FileStorage.open(dir.resolve("gc.jodb"), FileStorageGcTest.FAST)) {
            store(s, COUNT, i -> true);
            setRoot(s, COUNT, FileStorageSpaceTest::even);
            long pagesBefore = s.stats().pageCount();
            long before = s.lastRevision();
            GcResult result = s.collectGarbage();
            assertEquals(COUNT / 2, result.removedObjects());
            assertTrue(result.revision() - before > 4, "batches: " + result);
            // One revision removing everything would need a second tree's worth of pages.
            long pagesAfter = s.stats().pageCount();
            assertTrue(pagesAfter * 4 <= pagesBefore * 5, pagesBefore + " -> " + pagesAfter + " pages");
            try (Snapshot snapshot = s.openSnapshot()) {
                assertHolds(snapshot, FileStorageSpaceTest::even);
            }
            assertEquals(COUNT / 2 + 1, s.verify().records());
        }
    }

    @Test
    void everyBatchRevisionIsAConsistentGraphAndAPinnedReaderKeepsItsOwn() {
        FileStorageOptions keepAll = FileStorageGcTest.FAST.keepRevisions(1_000);
        try (FileStorage s = FileStorage.open(dir.resolve("batches.jodb"), keepAll)) {
            store(s, COUNT, i -> true);
            try (Snapshot pinned = s.openSnapshot()) {
                setRoot(s, COUNT, i -> i % 3 == 0);
                long before = s.lastRevision();
                GcResult result = s.collectGarbage();
                assertHolds(pinned, i -> true);
                for (long revision = before + 1; revision <= result.revision(); revision++) {
                    try (Snapshot batch = s.openSnapshot(revision)) {
                        for (int i = 0; i < COUNT; i++) {
                            Record record = batch.load(Storage.FIRST_OID + i);
                            if (i % 3 == 0 || record != null) {
                                assertArrayEquals(payload(Storage.FIRST_OID + i), record.payload(),
                                        "revision " + revision + ", object " + i);
                            }
                        }
                    }
                }
                try (Snapshot last = s.openSnapshot()) {
                    assertHolds(last, i -> i % 3 == 0);
                }
            }
        }
    }

    @Test
    void compactionRepacksToNearlyTheSizeOfAFreshStoreWhileAReaderIsPinned() {
        long freshPages;
        try (FileStorage fresh = FileStorage.open(dir.resolve("fresh.jodb"), FileStorageGcTest.FAST)) {
            store(fresh, COUNT, FileStorageSpaceTest::even);
            freshPages = fresh.stats().pageCount();
        }
        try (FileStorage s = FileStorage.open(dir.resolve("compact.jodb"), FileStorageGcTest.FAST)) {
            store(s, COUNT, i -> true);
            setRoot(s, COUNT, FileStorageSpaceTest::even);
            s.collectGarbage();
            FileStorageStats collected = s.stats();
            assertTrue(collected.treeFill() < 0.8, "removing every other object leaves room in the leaves: "
                    + collected);
            try (Snapshot pinned = s.openSnapshot()) {
                s.compact();
                assertHolds(pinned, FileStorageSpaceTest::even);
                assertTrue(s.stats().treeFill() > 0.9, s.stats().toString());
                assertTrue(s.stats().treePages() * 100 < collected.treePages() * 85, collected + " -> " + s.stats());
            }
            s.compact(); // the pin held the old leaves; now they go
            FileStorageStats compacted = s.stats();
            assertTrue(compacted.pageCount() * 5 <= freshPages * 6, "compacted " + compacted.pageCount()
                    + " pages, a fresh store " + freshPages);
            assertTrue(compacted.reclaimableBytes() * 4 < collected.reclaimableBytes(),
                    collected + " -> " + compacted);
            try (Snapshot snapshot = s.openSnapshot()) {
                assertHolds(snapshot, FileStorageSpaceTest::even);
            }
            assertEquals(COUNT / 2 + 1, s.verify().records());
            long revision = s.lastRevision();
            s.compact();
            assertEquals(compacted.pageCount(), s.stats().pageCount(), "a packed tree stays as it is");
            assertTrue(s.lastRevision() > revision);
        }
    }

    @Test
    void objectsCreatedInOrderFillTheirLeaves() {
        try (FileStorage s = FileStorage.open(dir.resolve("bulk.jodb"), FileStorageGcTest.FAST)) {
            assertEquals(1.0, s.stats().treeFill());
            assertEquals(0, s.stats().treePages());
            store(s, COUNT, i -> true);
            FileStorageStats stats = s.stats();
            assertTrue(stats.treeFill() > 0.9, stats.toString());
        }
    }

    @Test
    void aBatchRewritesABoundedShareOfTheTree() {
        assertEquals(8, FileStorage.removalBatchLeaves(10));
        assertEquals(8, FileStorage.removalBatchLeaves(256));
        assertEquals(100, FileStorage.removalBatchLeaves(3_200));
        assertEquals(256, FileStorage.removalBatchLeaves(1_000_000));
    }
}
