package org.jodb.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.DeepDeactivation;
import org.jodb.Persistence;
import org.jodb.cache.ObjectState;
import org.jodb.cache.PersistentObject;
import org.jodb.storage.memory.MemoryStorage;
import org.jodb.testmodel.Gauge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Persistence#deactivateDeep} on a {@link LongBTree}: every loaded part at any depth becomes
 * a ghost, found even when its parent already is one (after a scan along the buckets' links most
 * nodes never loaded; eviction ghosts nodes before their children); CHANGED and STICKY objects are
 * left and counted; other trees and the tree's later reads are unaffected.
 */
class LongBTreeDeepDeactivationTest {
    /** The size: 1,000,000 entries in buckets of 8 and nodes of 8 make a tree of depth 7. */
    private static final int ENTRIES = 1_000_000;
    /** Every this many keys the value is a persistent {@link Gauge}, else a plain string. */
    private static final int GAUGE_EVERY = 100;
    /** So that the cache's own eviction at boundaries cannot do deep deactivation's work. */
    private static final DatabaseOptions NO_EVICTION = DatabaseOptions.defaults()
            .withCacheTargetCount(10_000_000).withCacheTargetBytes(1L << 40);

    @TempDir
    Path dir;

    @Test
    void aMillionEntryTreeLeavesNothingLoaded() {
        try (Database db = Database.open(dir.resolve("deep.jodb"), NO_EVICTION)) {
            try (Connection conn = db.open()) {
                LongBTree<Object> tree = new LongBTree<>(8, 8);
                conn.root().put("tree", tree);
                for (long key = 0; key < ENTRIES; key++) {
                    tree.put(key, valueFor(key));
                }
                conn.commit();
                int depth = TreeInvariants.check(tree);
                assertTrue(depth >= 3, "depth " + depth);
            }
            try (Connection conn = db.open()) {
                @SuppressWarnings("unchecked")
                LongBTree<Object> tree = (LongBTree<Object>) conn.root().get("tree");
                conn.minimize(); // the pooled connection's cache is warm from the build: start cold
                assertEquals(expectedSum(), readAll(tree));
                Map<String, Integer> before = loadedByClass(conn);
                int buckets = before.getOrDefault("LongBucket", 0);
                int nodes = before.getOrDefault("LongTreeNode", 0);
                System.out.printf("[deep-deactivation] %,d entries, bucket 8 / node 8: loaded before %s%n",
                        ENTRIES, before);
                assertEquals(TreeInvariants.bucketsHoldingFirst(ENTRIES, ENTRIES, 8), buckets, "a full scan loads every bucket");
                // The scan followed the buckets' links: most nodes were never loaded, so a walk down
                // through loaded parts alone would reach almost none of the loaded buckets.
                assertTrue(nodes < buckets / 8, nodes + " nodes loaded");

                DeepDeactivation result = Persistence.deactivateDeep(tree);

                Map<String, Integer> after = loadedByClass(conn);
                System.out.printf("[deep-deactivation] %s; loaded after %s%n", result, after);
                assertEquals(Map.of(), after, "nothing stays loaded");
                assertEquals(0, conn.cacheStats().loaded());
                int loadedBefore = before.values().stream().mapToInt(Integer::intValue).sum();
                assertEquals(new DeepDeactivation(loadedBefore, 0, 0), result, "the tree, its parts and gauges");
                assertEquals(ObjectState.GHOST, Persistence.state(tree));

                assertEquals("v123457", tree.get(123_457L), "the ghost tree reloads what a read needs");
                assertEquals(4_200L, ((Gauge) tree.get(4_200L)).reading());
                assertEquals(expectedSum(), readAll(tree));
            }
        }
    }

    @Test
    void changedAndStickyObjectsAreLeftAndCounted() {
        try (Database db = Database.open(new MemoryStorage(), NO_EVICTION)) {
            storeGaugeTree(db, 2_000);
            try (Connection conn = db.open()) {
                @SuppressWarnings("unchecked")
                LongBTree<Gauge> tree = (LongBTree<Gauge>) conn.root().get("tree");
                conn.minimize(); // the pooled connection's cache is warm from the build: start cold
                Gauge replaced = tree.get(1_500L);
                long sum = 0;
                for (Gauge gauge : tree.values()) {
                    sum += gauge.reading();
                }
                assertEquals(1_999L * 2_000 / 2, sum);
                Gauge pinned = tree.get(700L);
                Persistence.setSticky(pinned, true);
                tree.put(1_500L, new Gauge("replaced", -1)); // its bucket becomes CHANGED
                Gauge inPlace = tree.get(30L);
                inPlace.set(31); // a field write: CHANGED

                DeepDeactivation result = Persistence.deactivateDeep(tree);

                assertEquals(2, result.leftChanged(), result.toString()); // the bucket of 1,500 and gauge 30
                assertEquals(1, result.leftSticky(), result.toString());
                assertEquals(ObjectState.GHOST, Persistence.state(tree));
                assertEquals(ObjectState.STICKY, Persistence.state(pinned));
                assertEquals(ObjectState.CHANGED, Persistence.state(inPlace));
                Map<String, Integer> after = loadedByClass(conn);
                // The changed bucket, the pinned and the changed gauge, and the gauge that
                // the put replaced: no longer a part of the tree, it is the cache's to evict.
                assertEquals(Map.of("LongBucket", 1, "Gauge", 3), after);
                assertEquals(ObjectState.UPTODATE, Persistence.state(replaced));
                conn.commit();
            }
            try (Connection conn = db.open()) {
                @SuppressWarnings("unchecked")
                LongBTree<Gauge> tree = (LongBTree<Gauge>) conn.root().get("tree");
                assertEquals(-1, tree.get(1_500L).reading(), "the change survived deep deactivation");
                assertEquals(31, tree.get(30L).reading());
                assertEquals(2_000, tree.size());
            }
        }
    }

    @Test
    void partsUnderGhostNodesAndUnderAGhostTreeAreFound() {
        try (Database db = Database.open(new MemoryStorage(), NO_EVICTION)) {
            storeGaugeTree(db, 3_000);
            try (Connection conn = db.open()) {
                @SuppressWarnings("unchecked")
                LongBTree<Gauge> tree = (LongBTree<Gauge>) conn.root().get("tree");
                conn.minimize();
                for (long key = 0; key < 3_000; key++) { // lookups load each path, nodes included
                    assertEquals(key, tree.get(key).reading());
                }
                int loadedNodes = loadedByClass(conn).get("LongTreeNode");
                // Ghost the tree and every node that a walk from the tree would have to pass: their
                // fields are cleared, nothing leads from the tree to the loaded buckets any more.
                int[] nodesGhosted = {0};
                conn.objectCache().loadedObjects().forEach(object -> {
                    if (object instanceof LongTreeNode && ((Object) object) != tree) {
                        Persistence.deactivate(object);
                        nodesGhosted[0]++;
                    }
                });
                Persistence.deactivate(tree);
                assertEquals(loadedNodes, nodesGhosted[0]);
                Map<String, Integer> orphans = loadedByClass(conn);
                assertEquals(TreeInvariants.bucketsHoldingFirst(3_000, 3_000, 8), orphans.get("LongBucket"), orphans.toString());

                DeepDeactivation result = Persistence.deactivateDeep(tree);

                assertEquals(Map.of(), loadedByClass(conn), result.toString());
                assertEquals(orphans.get("LongBucket") + 3_000 + orphans.getOrDefault("SizeStripe", 0),
                        result.ghosted(), "buckets, gauges, stripes; the tree was a ghost already");
                assertEquals(ObjectState.GHOST, Persistence.state(tree), "nothing was loaded");
                assertEquals(2_999L, tree.lastEntry().getValue().reading());
            }
        }
    }

    @Test
    void otherTreesAreLeftAlone() {
        try (Database db = Database.open(new MemoryStorage(), NO_EVICTION)) {
            try (Connection conn = db.open()) {
                for (String name : new String[] {"a", "b"}) {
                    LongBTree<String> tree = new LongBTree<>(4, 4);
                    for (long key = 0; key < 500; key++) {
                        tree.put(key, name + key);
                    }
                    conn.root().put(name, tree);
                }
                conn.commit();
            }
            try (Connection conn = db.open()) {
                @SuppressWarnings("unchecked")
                LongBTree<String> a = (LongBTree<String>) conn.root().get("a");
                @SuppressWarnings("unchecked")
                LongBTree<String> b = (LongBTree<String>) conn.root().get("b");
                conn.minimize();
                a.values().forEach(value -> assertTrue(value.startsWith("a")));
                b.values().forEach(value -> assertTrue(value.startsWith("b")));
                int bucketsOfBoth = loadedByClass(conn).get("LongBucket");

                DeepDeactivation result = Persistence.deactivateDeep(a);

                assertEquals(bucketsOfBoth / 2, loadedByClass(conn).get("LongBucket"), result.toString());
                assertTrue(Persistence.state(b) == ObjectState.UPTODATE, "b stays loaded");
                assertEquals("b499", b.get(499L));
                assertEquals("a499", a.get(499L));
            }
        }
    }

    @Test
    void aPlainObjectATreeSetAndAClosedConnection() {
        try (Database db = Database.inMemory()) {
            try (Connection conn = db.open()) {
                LongTreeSet set = new LongTreeSet(4, 4);
                for (long element = 0; element < 100; element++) {
                    set.add(element);
                }
                conn.root().put("set", set);
                conn.root().put("gauge", new Gauge("g", 7));
                assertEquals(new DeepDeactivation(0, 0, 0), Persistence.deactivateDeep(set), "transient: nothing to ghost");
                conn.commit();
            }
            Connection conn = db.open();
            Gauge gauge = (Gauge) conn.root().get("gauge");
            assertEquals(7, gauge.reading());
            assertEquals(new DeepDeactivation(1, 0, 0), Persistence.deactivateDeep(gauge));
            assertEquals(new DeepDeactivation(0, 0, 0), Persistence.deactivateDeep(gauge), "a ghost already");

            LongTreeSet set = (LongTreeSet) conn.root().get("set");
            assertEquals(100, set.size());
            assertTrue(set.contains(99L));
            DeepDeactivation result = Persistence.deactivateDeep(set);
            assertEquals(Map.of("PersistentMap", 1), loadedByClass(conn), result.toString());
            assertTrue(set.contains(42L));
            conn.close();
            assertThrows(IllegalStateException.class, () -> Persistence.deactivateDeep(set));
            assertThrows(IllegalArgumentException.class, () -> Persistence.deactivateDeep("not persistent"));
        }
    }

    private static Object valueFor(long key) {
        return key % GAUGE_EVERY == 0 ? new Gauge("g" + key, key) : "v" + key;
    }

    private static long expectedSum() {
        return (long) ENTRIES * (ENTRIES - 1) / 2 + (long) ENTRIES / GAUGE_EVERY * (ENTRIES - GAUGE_EVERY) / 2;
    }

    /** The keys' sum plus the gauges' readings: touches every entry and loads every gauge. */
    private static long readAll(LongBTree<Object> tree) {
        long sum = 0;
        for (Map.Entry<Long, Object> entry : tree.entrySet()) {
            sum += entry.getKey();
            if (entry.getValue() instanceof Gauge) {
                sum += ((Gauge) entry.getValue()).reading();
            }
        }
        return sum;
    }

    private static void storeGaugeTree(Database db, int entries) {
        try (Connection conn = db.open()) {
            LongBTree<Gauge> tree = new LongBTree<>(8, 8);
            for (long key = 0; key < entries; key++) {
                tree.put(key, new Gauge("g" + key, key));
            }
            conn.root().put("tree", tree);
            conn.commit();
            assertTrue(TreeInvariants.check(tree) >= 3);
        }
    }

    /** Loaded objects of the connection's cache by simple class name. */
    static Map<String, Integer> loadedByClass(Connection conn) {
        Map<String, Integer> counts = new TreeMap<>();
        for (PersistentObject object : conn.objectCache().loadedObjects()) {
            counts.merge(object.getClass().getSimpleName(), 1, Integer::sum);
        }
        return counts;
    }
}
