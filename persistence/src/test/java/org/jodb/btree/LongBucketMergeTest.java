package org.jodb.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jodb.ConflictException;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.collections.Counter;
import org.junit.jupiter.api.Test;

/**
 * Two connections change the same bucket of a {@link LongBTree} concurrently; the second commit
 * either merges (both sides' changes are in the tree, the size is exact) or fails with
 * {@link ConflictException} and writes nothing (the tree is exactly as the first commit left it).
 * Every case goes through the public API on a real in-memory {@link Database}.
 */
class LongBucketMergeTest {
    /** Small buckets, so that a few keys fill one and the tree has several. */
    private static final int BUCKET_CAPACITY = 8;

    // ---- merges ---------------------------------------------------------------------------------

    @Test
    void insertsOfDifferentKeysIntoOneBucketBothCommit() {
        try (Database db = Database.inMemory()) {
            create(db, List.of(10L, 20L, 30L));
            Map<Long, String> expected = concurrently(db, tree -> tree.put(15L, "first"), tree -> tree.put(25L, "second"));
            assertEquals(model(10L, "v10", 15L, "first", 20L, "v20", 25L, "second", 30L, "v30"), expected);
        }
    }

    @Test
    void insertsRemovalsAndValueChangesOfDifferentKeysMerge() {
        try (Database db = Database.inMemory()) {
            create(db, List.of(10L, 20L, 30L, 40L));
            Map<Long, String> expected = concurrently(db,
                    tree -> {
                        tree.put(15L, "first");
                        tree.remove(20L);
                    },
                    tree -> {
                        tree.put(30L, "second");
                        tree.remove(40L);
                        tree.put(35L, "second");
                    });
            assertEquals(model(10L, "v10", 15L, "first", 30L, "second", 35L, "second"), expected);
        }
    }

    @Test
    void theSameValueChangeOnBothSidesMerges() {
        try (Database db = Database.inMemory()) {
            create(db, List.of(10L, 20L, 30L));
            Map<Long, String> expected = concurrently(db,
                    tree -> tree.put(20L, "same"),
                    tree -> {
                        tree.put(20L, "same"); // an equal String, not the same instance
                        tree.put(25L, "second");
                    });
            assertEquals(model(10L, "v10", 20L, "same", 25L, "second", 30L, "v30"), expected);
        }
    }

    @Test
    void persistentValuesMergeByIdentity() {
        try (Database db = Database.inMemory()) {
            db.transact(conn -> {
                LongBTree<Counter> tree = new LongBTree<>(BUCKET_CAPACITY, 4);
                tree.put(10L, new Counter(10));
                tree.put(20L, new Counter(20));
                conn.root().put("tree", tree);
            });
            try (Connection first = db.open(); Connection second = db.open()) {
                LongBTree<Counter> firstTree = counters(first);
                LongBTree<Counter> secondTree = counters(second);
                firstTree.put(20L, firstTree.get(10L)); // 20 now refers to the counter of 10
                secondTree.put(30L, secondTree.get(20L));
                first.commit();
                second.commit();
            }
            try (Connection conn = db.open()) {
                LongBTree<Counter> tree = counters(conn);
                assertEquals(3, tree.size());
                assertEquals(10, tree.get(20L).get());
                assertEquals(tree.get(10L), tree.get(20L));
                assertEquals(20, tree.get(30L).get(), "30 refers to the counter that was at 20");
                TreeInvariants.check(tree);
            }
        }
    }

    @Test
    void theMergedStateIsWhatTheSecondConnectionSeesAfterItsCommit() {
        try (Database db = Database.inMemory()) {
            create(db, List.of(10L, 20L));
            try (Connection first = db.open(); Connection second = db.open()) {
                LongBTree<String> firstTree = tree(first);
                LongBTree<String> secondTree = tree(second);
                firstTree.put(11L, "first");
                secondTree.put(21L, "second");
                first.commit();
                second.commit();
                assertEquals(model(10L, "v10", 11L, "first", 20L, "v20", 21L, "second"), new TreeMap<>(secondTree));
                assertEquals(4, secondTree.size());
            }
        }
    }

    // ---- conflicts ------------------------------------------------------------------------------

    @Test
    void bothSidesInsertingTheSameKeyConflictEvenWithEqualValues() {
        assertSecondConflicts(List.of(10L, 20L), tree -> tree.put(15L, "same"), tree -> tree.put(15L, "same"));
    }

    @Test
    void bothSidesChangingOneKeyToDifferentValuesConflict() {
        assertSecondConflicts(List.of(10L, 20L), tree -> tree.put(10L, "first"), tree -> tree.put(10L, "second"));
    }

    @Test
    void aRemovalAgainstAValueChangeOfTheSameKeyConflicts() {
        assertSecondConflicts(List.of(10L, 20L, 30L), tree -> tree.remove(20L), tree -> tree.put(20L, "second"));
        assertSecondConflicts(List.of(10L, 20L, 30L), tree -> tree.put(20L, "first"), tree -> tree.remove(20L));
    }

    @Test
    void bothSidesRemovingTheSameKeyConflict() {
        assertSecondConflicts(List.of(10L, 20L, 30L), tree -> tree.remove(20L), tree -> tree.remove(20L));
    }

    @Test
    void aBucketEmptiedOnEitherSideConflicts() {
        // Two buckets: 0..6, then 100 and 101 (the ninth ascending key splits the full bucket,
        // which keeps its newest entry).
        List<Long> keys = List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 100L, 101L);
        Consumer<LongBTree<String>> empty = tree -> {
            tree.remove(100L);
            tree.remove(101L);
        };
        assertSecondConflicts(keys, empty, tree -> tree.put(102L, "second"));
        assertSecondConflicts(keys, tree -> tree.put(102L, "first"), empty);
    }

    @Test
    void aBucketEmptiedByTheMergeConflicts() {
        List<Long> keys = List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 100L, 101L);
        assertSecondConflicts(keys, tree -> tree.remove(100L), tree -> tree.remove(101L));
    }

    @Test
    void aSplitOnEitherSideConflicts() {
        List<Long> keys = List.of(10L, 20L, 30L, 40L, 50L, 60L);
        Consumer<LongBTree<String>> split = tree -> {
            tree.put(11L, "first");
            tree.put(12L, "first");
            tree.put(13L, "first"); // the ninth entry: the bucket splits
        };
        assertSecondConflicts(keys, split, tree -> tree.put(55L, "second"));
        assertSecondConflicts(keys, tree -> tree.put(55L, "first"), split);
    }

    @Test
    void aMergeMayOverfillTheBucketByAnEighth() {
        // 7 entries: each side's insert fills the bucket without a split; both together are 9, one
        // over the capacity of 8, which a merge allows (the next insert splits the bucket).
        try (Database db = Database.inMemory()) {
            create(db, List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L));
            Map<Long, String> expected = concurrently(db, tree -> tree.put(15L, "first"), tree -> tree.put(25L, "second"));
            assertEquals(9, expected.size());
            assertEquals("first", expected.get(15L));
            assertEquals("second", expected.get(25L));
        }
    }

    @Test
    void aMergeThatWouldOverfillTheBucketByMoreConflicts() {
        // 6 entries: each side adds two (a full bucket of 8); both together would be 10 > 8 + 1.
        List<Long> keys = List.of(10L, 20L, 30L, 40L, 50L, 60L);
        assertSecondConflicts(keys, tree -> {
            tree.put(15L, "first");
            tree.put(25L, "first");
        }, tree -> {
            tree.put(35L, "second");
            tree.put(45L, "second");
        });
    }

    @Test
    void aNextLinkChangedByTheNextBucketLeavingMerges() {
        // Buckets 0..6, 100..106, then 200 and 201: the last one empties and leaves the tree, which
        // rewrites the second bucket's link (its key range only grows) while the other side
        // removes one of its keys.
        try (Database db = Database.inMemory()) {
            create(db, List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 100L, 101L, 102L, 103L, 104L, 105L, 106L, 200L, 201L));
            Map<Long, String> expected = concurrently(db, tree -> {
                tree.remove(200L);
                tree.remove(201L);
            }, tree -> tree.remove(103L));
            assertEquals(13, expected.size());
            assertTrue(!expected.containsKey(103L) && !expected.containsKey(200L) && !expected.containsKey(201L));
        }
    }

    @Test
    void aNextLinkChangedBySplittingTheBucketConflicts() {
        // Buckets 0..6 and 100..104: the first side fills the first bucket and splits it in halves
        // (its entries and its link change: its key range shrank) while the second side inserts
        // into it. Only a link changed with the entries left alone merges.
        List<Long> keys = List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 100L, 101L, 102L, 103L, 104L);
        assertSecondConflicts(keys, tree -> {
            tree.put(7L, "first");
            tree.put(8L, "first"); // the bucket is full at 8: it splits
        }, tree -> tree.put(9L, "second"));
    }

    // ---- appenders ------------------------------------------------------------------------------

    /** Buckets 0..6 and a last bucket 100..105: six entries, room for two before it splits. */
    private static final List<Long> BEFORE_APPENDS = List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 100L, 101L, 102L, 103L,
            104L, 105L);

    /** Appends 110, 120 (the last bucket is full) and 130, which splits it: it keeps 120 and 130. */
    private static void appendUntilSplit(LongBTree<String> tree) {
        tree.put(110L, "first");
        tree.put(120L, "first");
        tree.put(130L, "first");
    }

    @Test
    void anAppendAboveTheSplitMergesWithIt() {
        try (Database db = Database.inMemory()) {
            create(db, BEFORE_APPENDS);
            Map<Long, String> expected = concurrently(db, LongBucketMergeTest::appendUntilSplit,
                    tree -> tree.put(125L, "second"));
            assertEquals(BEFORE_APPENDS.size() + 4, expected.size());
            assertEquals("second", expected.get(125L));
            assertEquals("first", expected.get(130L));
        }
    }

    @Test
    void anAppendBelowTheSplitsBoundConflicts() {
        // 115 belongs to the bucket the split made on the left: it cannot merge into the last one.
        assertSecondConflicts(BEFORE_APPENDS, LongBucketMergeTest::appendUntilSplit, tree -> tree.put(115L, "second"));
    }

    @Test
    void twoAppendingSplitsConflict() {
        assertSecondConflicts(BEFORE_APPENDS, LongBucketMergeTest::appendUntilSplit, tree -> {
            tree.put(111L, "second");
            tree.put(112L, "second");
            tree.put(113L, "second");
        });
    }

    // ---- helpers --------------------------------------------------------------------------------

    /**
     * Runs {@code firstChange} and {@code secondChange} in two transactions that both start before
     * either commits, commits the first, then the second; asserts that the second commits (by
     * merging) and returns the tree's entries, read in a fresh connection, after checking its
     * structure and that its size is exact.
     */
    private static Map<Long, String> concurrently(Database db, Consumer<LongBTree<String>> firstChange,
                                                  Consumer<LongBTree<String>> secondChange) {
        try (Connection first = db.open(); Connection second = db.open()) {
            LongBTree<String> firstTree = tree(first);
            LongBTree<String> secondTree = tree(second);
            firstChange.accept(firstTree);
            secondChange.accept(secondTree);
            first.commit();
            second.commit();
        }
        return committed(db);
    }

    /**
     * A fresh tree of {@code keys} (value "v" + key); then as {@link #concurrently}, but the second
     * commit must fail with {@link ConflictException} and leave the tree exactly as the first
     * commit alone does.
     */
    private static void assertSecondConflicts(List<Long> keys, Consumer<LongBTree<String>> firstChange,
                                              Consumer<LongBTree<String>> secondChange) {
        try (Database db = Database.inMemory()) {
            create(db, keys);
            LongBTree<String> firstAlone = new LongBTree<>(BUCKET_CAPACITY, 4); // never stored
            keys.forEach(key -> firstAlone.put(key, "v" + key));
            firstChange.accept(firstAlone);
            TreeMap<Long, String> expected = new TreeMap<>(firstAlone);
            try (Connection first = db.open(); Connection second = db.open()) {
                LongBTree<String> firstTree = tree(first);
                LongBTree<String> secondTree = tree(second);
                firstChange.accept(firstTree);
                secondChange.accept(secondTree);
                first.commit();
                assertThrows(ConflictException.class, second::commit);
            }
            assertEquals(expected, committed(db), "the tree after the refused commit");
        }
    }

    /**
     * Stores a tree of {@code keys} (value "v" + key) with all its size stripes created: a
     * transaction that creates a stripe writes the tree itself, which does not merge, and would
     * hide the bucket's merge behind a conflict on the tree.
     */
    private static void create(Database db, List<Long> keys) {
        db.transact(conn -> {
            LongBTree<String> tree = new LongBTree<>(BUCKET_CAPACITY, 4);
            keys.forEach(key -> tree.put(key, "v" + key));
            conn.root().put("tree", tree);
        });
        ConcurrentTreeWork.createAllSizeStripes(db, Long.MIN_VALUE);
    }

    private static TreeMap<Long, String> committed(Database db) {
        try (Connection conn = db.open()) {
            conn.minimize(); // read what was committed, not what a pooled cache holds
            LongBTree<String> tree = tree(conn);
            TreeInvariants.check(tree);
            TreeMap<Long, String> entries = new TreeMap<>(tree);
            assertEquals(entries.size(), tree.size(), "size against the entries");
            return entries;
        }
    }

    private static TreeMap<Long, String> model(Object... keysAndValues) {
        TreeMap<Long, String> model = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            model.put((Long) keysAndValues[i], (String) keysAndValues[i + 1]);
        }
        return model;
    }

    @SuppressWarnings("unchecked")
    private static LongBTree<String> tree(Connection conn) {
        return (LongBTree<String>) conn.root().get("tree");
    }

    @SuppressWarnings("unchecked")
    private static LongBTree<Counter> counters(Connection conn) {
        return (LongBTree<Counter>) conn.root().get("tree");
    }
}
