package org.jodb.btree;

import static org.jodb.btree.LongBTreeDeepDeactivationTest.loadedByClass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.DeepDeactivation;
import org.jodb.Persistence;
import org.jodb.cache.ObjectState;
import org.jodb.storage.memory.MemoryStorage;
import org.jodb.testmodel.Gauge;
import org.junit.jupiter.api.Test;

/**
 * {@link Persistence#deactivateDeep} on an {@link ObjectBTree} of depth 3 or more, and on an
 * {@link ObjectTreeSet}: every loaded bucket, node, size stripe and persistent value becomes a
 * ghost, and the tree reloads what a later read needs.
 */
class ObjectBTreeDeepDeactivationTest {
    private static final int ENTRIES = 20_000;
    /** So that the cache's own eviction at boundaries cannot do deep deactivation's work. */
    private static final DatabaseOptions NO_EVICTION = DatabaseOptions.defaults()
            .withCacheTargetCount(10_000_000).withCacheTargetBytes(1L << 40);

    @Test
    void aDeepObjectTreeLeavesNothingLoaded() {
        try (Database db = Database.open(new MemoryStorage(), NO_EVICTION)) {
            try (Connection conn = db.open()) {
                ObjectBTree<String, Object> tree = new ObjectBTree<>(CaseInsensitiveDescending.ORDER, 8, 8);
                for (int i = 0; i < ENTRIES; i++) {
                    tree.put(key(i), i % 10 == 0 ? new Gauge("g" + i, i) : "v" + i);
                }
                conn.root().put("tree", tree);
                conn.commit();
                int depth = TreeInvariants.check(tree);
                assertTrue(depth >= 3, "depth " + depth);
            }
            try (Connection conn = db.open()) {
                @SuppressWarnings("unchecked")
                ObjectBTree<String, Object> tree = (ObjectBTree<String, Object>) conn.root().get("tree");
                conn.minimize(); // the pooled connection's cache is warm from the build: start cold
                assertEquals(expectedSum(), readAll(tree));
                for (int i = 0; i < ENTRIES; i += 97) { // lookups load nodes too
                    assertEquals(i % 10 == 0 ? Gauge.class : String.class, tree.get(key(i)).getClass());
                }
                Map<String, Integer> before = loadedByClass(conn);
                System.out.printf("[object-deep-deactivation] %,d entries, bucket 8 / node 8: loaded before %s%n",
                        ENTRIES, before);
                assertTrue(before.getOrDefault("ObjectBucket", 0) >= ENTRIES / 8, before.toString());
                assertTrue(before.getOrDefault("ObjectTreeNode", 0) > 0, before.toString());

                DeepDeactivation result = Persistence.deactivateDeep(tree);

                assertEquals(Map.of(), loadedByClass(conn), "nothing stays loaded; " + result);
                int loadedBefore = before.values().stream().mapToInt(Integer::intValue).sum();
                assertEquals(new DeepDeactivation(loadedBefore, 0, 0), result, "the tree, its parts and gauges");
                assertEquals(ObjectState.GHOST, Persistence.state(tree));
                assertEquals("v12345", tree.get(key(12_345)), "the ghost tree reloads what a read needs");
                assertEquals(expectedSum(), readAll(tree));
            }
        }
    }

    @Test
    void anObjectTreeSetIsDeactivatedWithItsTree() {
        try (Database db = Database.open(new MemoryStorage(), NO_EVICTION)) {
            db.transact(conn -> {
                ObjectTreeSet<String> set = new ObjectTreeSet<>(null, 4, 4);
                for (int i = 0; i < 1_000; i++) {
                    set.add(key(i));
                }
                conn.root().put("set", set);
            });
            try (Connection conn = db.open()) {
                @SuppressWarnings("unchecked")
                ObjectTreeSet<String> set = (ObjectTreeSet<String>) conn.root().get("set");
                conn.minimize();
                assertEquals(1_000, set.size());
                assertEquals(1_000, set.stream().count());
                DeepDeactivation result = Persistence.deactivateDeep(set);
                assertEquals(Map.of(), loadedByClass(conn), "the set, its tree and parts; " + result);
                assertEquals(ObjectState.GHOST, Persistence.state(set));
                assertTrue(set.contains(key(999)));
            }
        }
    }

    private static String key(int i) {
        return String.format("key%06d", i);
    }

    private static long expectedSum() {
        return (long) ENTRIES * (ENTRIES - 1) / 2 + (long) (ENTRIES / 10) * (ENTRIES - 10) / 2;
    }

    /** The numbers in the values plus the gauges' readings: touches every entry and loads every gauge. */
    private static long readAll(ObjectBTree<String, Object> tree) {
        long sum = 0;
        for (Map.Entry<String, Object> entry : tree.entrySet()) {
            sum += Integer.parseInt(entry.getKey().substring(3));
            if (entry.getValue() instanceof Gauge) {
                sum += ((Gauge) entry.getValue()).reading();
            }
        }
        return sum;
    }
}
