package org.jodb.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Map;
import java.util.TreeMap;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.Persistence;
import org.jodb.cache.ObjectState;
import org.jodb.storage.RevisionChanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tree's parts are separate records: small capacities give a deep tree, a commit writes only
 * the parts a change touched, and a cold connection loads only the parts on a lookup's path.
 */
class LongBTreeStructureTest {
    private static final int ENTRIES = 5_000;

    @TempDir
    Path dir;

    @Test
    void smallCapacitiesMakeADeepValidTree() {
        try (Database db = Database.inMemory(); Connection conn = db.open()) {
            LongBTree<String> tree = new LongBTree<>(4, 4);
            conn.root().put("tree", tree);
            for (long key = 0; key < 1_000; key++) {
                tree.put(key * 7 % 1_000, "v" + key);
            }
            conn.commit();
            int depth = TreeInvariants.check(tree);
            assertTrue(depth >= 3, "depth " + depth);
            assertEquals(1_000, tree.size());
            for (long key = 0; key < 1_000; key += 2) {
                tree.remove(key);
            }
            conn.commit();
            TreeInvariants.check(tree);
            assertEquals(500, tree.size());
            for (long key = 1; key < 1_000; key += 2) {
                tree.remove(key);
            }
            conn.commit();
            assertEquals(1, TreeInvariants.check(tree), "an emptied tree is one root bucket again");
            assertTrue(tree.isEmpty());
        }
    }

    @Test
    void aCommitWritesOnlyThePartsItChanged() {
        try (Database db = Database.open(dir.resolve("parts.jodb")); Connection conn = db.open()) {
            LongBTree<String> tree = filledTree(conn);
            int depth = TreeInvariants.check(tree);
            assertTrue(depth >= 3, "depth " + depth);

            tree.put(10L, "changed");
            assertEquals(List.of("LongBucket"), writtenClasses(db, conn));

            long[] keys = bucketWithRoom(tree);
            tree.put(keys[0] + 1, "new");
            List<String> written = writtenClasses(db, conn);
            assertOneBucketAndAStripe(written);

            int nodesWritten = 0;
            for (long key = keys[0] + 2; nodesWritten == 0; key++) { // fill that bucket until it splits
                assertTrue(key < keys[1], "the bucket did not split");
                tree.put(key, "new");
                written = writtenClasses(db, conn);
                nodesWritten = (int) written.stream().filter("LongTreeNode"::equals).count();
            }
            assertEquals(2, written.stream().filter("LongBucket"::equals).count(), written.toString());
            // the parent, and only if it split too its new sibling and so on up: two nodes per level at most
            assertTrue(written.size() <= 2 + 2 * (depth - 1) + 2, written.toString());
            int splitWrites = written.size();

            tree.remove(keys[0]);
            written = writtenClasses(db, conn);
            assertOneBucketAndAStripe(written);
            System.out.printf("[btree-structure] depth %d; records written per commit: value change 1,"
                    + " insert or removal 2 (3 when it creates a size stripe), bucket split %d%n", depth, splitWrites);
        }
    }

    /** An insert or removal without split or unlink: its bucket, a size stripe, no node. */
    private static void assertOneBucketAndAStripe(List<String> written) {
        assertEquals(1, written.stream().filter("LongBucket"::equals).count(), written.toString());
        assertEquals(1, written.stream().filter("SizeStripe"::equals).count(), written.toString());
        // and the tree itself only when the transaction created the stripe it counts on
        assertTrue(written.size() == 2 || written.size() == 3 && written.contains("LongBTree"), written.toString());
    }

    /** The keys of a bucket of {@code tree} that is neither full nor a single entry. */
    private static long[] bucketWithRoom(LongBTree<?> tree) {
        long[][] found = {null};
        tree.visit(new TreeVisitor() {
            @Override
            public boolean enterNode(TreePart node) {
                return found[0] == null;
            }

            @Override
            public void visitBucket(TreePart bucket) {
                if (found[0] == null && bucket.size() > 1 && bucket.size() < tree.bucketCapacity()) {
                    found[0] = bucket.keys().stream().mapToLong(key -> (Long) key).toArray();
                }
            }
        });
        return found[0];
    }

    @Test
    void aColdConnectionLoadsOnlyThePathOfALookup() {
        Path file = dir.resolve("cold.jodb");
        int depth;
        try (Database db = Database.open(file); Connection conn = db.open()) {
            depth = TreeInvariants.check(filledTree(conn));
        }
        try (Database db = Database.open(file); Connection conn = db.open()) {
            @SuppressWarnings("unchecked")
            LongBTree<String> tree = (LongBTree<String>) conn.root().get("tree");
            long before = conn.cacheStats().loads();
            assertEquals("v1234", tree.get(12_340L));
            long pathLoads = conn.cacheStats().loads() - before;
            assertEquals(depth + 1, pathLoads, "the tree, its nodes on the path and one bucket");

            before = conn.cacheStats().loads();
            assertEquals(ENTRIES, tree.size());
            assertTrue(conn.cacheStats().loads() - before <= 8, "size() loads the size stripes only");

            before = conn.cacheStats().loads();
            int[] parts = {0, 0, 0}; // nodes, buckets, buckets still ghosts
            tree.visit(new TreeVisitor() {
                @Override
                public boolean enterNode(TreePart node) {
                    parts[0]++;
                    return true;
                }

                @Override
                public void visitBucket(TreePart bucket) {
                    parts[1]++;
                    parts[2] += bucket.state() == ObjectState.GHOST ? 1 : 0;
                }
            });
            long visitLoads = conn.cacheStats().loads() - before;
            assertTrue(parts[1] >= ENTRIES / 8, "buckets " + parts[1]);
            assertEquals(parts[1] - 1, parts[2], "buckets loaded by a visit that asks nothing of them");
            assertEquals(parts[0] - (depth - 1), visitLoads, "nodes loaded by the visit, those of the path before");
        }
    }

    @Test
    void aVisitorThatEntersOnlyTheRootLoadsNothingBelowIt() {
        Path file = dir.resolve("visit.jodb");
        try (Database db = Database.open(file); Connection conn = db.open()) {
            filledTree(conn);
        }
        try (Database db = Database.open(file); Connection conn = db.open()) {
            LongBTree<?> tree = (LongBTree<?>) conn.root().get("tree");
            long before = conn.cacheStats().loads();
            List<String> events = new ArrayList<>();
            tree.visit(new TreeVisitor() {
                @Override
                public boolean enterNode(TreePart node) {
                    events.add("enter " + node.level() + " " + node.state());
                    return node.level() == 0;
                }

                @Override
                public void leaveNode(TreePart node) {
                    events.add("leave " + node.level());
                }
            });
            // the tree and its root node; the root's children are visited but not entered, so not loaded
            assertEquals(2, conn.cacheStats().loads() - before);
            assertEquals("enter 0 GHOST", events.get(0));
            assertEquals("leave 0", events.get(events.size() - 1));
            assertTrue(events.size() >= 4, events.toString());
            for (String event : events.subList(1, events.size() - 1)) {
                assertEquals("enter 1 GHOST", event);
            }
        }
    }

    /** A committed tree of {@link #ENTRIES} keys, multiples of 10, inserted in random order. */
    private static LongBTree<String> filledTree(Connection conn) {
        LongBTree<String> tree = new LongBTree<>(8, 4);
        conn.root().put("tree", tree);
        Map<Long, String> expected = new TreeMap<>();
        List<Long> order = new ArrayList<>();
        for (long i = 0; i < ENTRIES; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(7));
        for (long i : order) {
            tree.put(i * 10, "v" + i);
            expected.put(i * 10, "v" + i);
        }
        conn.commit();
        assertEquals(expected, tree);
        return tree;
    }

    /** Commits and returns the simple class names of the records that commit wrote. */
    private static List<String> writtenClasses(Database db, Connection conn) {
        long before = db.storage().lastRevision();
        conn.commit();
        List<String> classes = new ArrayList<>();
        for (RevisionChanges changes : db.storage().changesSince(before)) {
            for (long oid : changes.oids()) {
                Object written = conn.get(oid);
                assertEquals(oid, Persistence.oid(written));
                classes.add(written.getClass().getSimpleName());
            }
        }
        return classes;
    }
}
