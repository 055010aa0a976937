package org.jodb.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.Persistence;
import org.jodb.btree.LongBTree;
import org.jodb.cache.ClassFootprint;
import org.jodb.cache.HeapProfile;
import org.jodb.storage.memory.MemoryStorage;
import org.junit.jupiter.api.Test;

/**
 * The seed's measurement (ZBlk1's whole-BTree deactivation), with JOL: a tree of
 * {@value #BUCKETS} buckets of {@value #PER_BUCKET} persistent 1 KiB {@link Item}s, read one
 * bucket's data at a time. Deep-deactivating the tree after each bucket keeps the cache flat;
 * deactivating only the values does free their payloads, but the loaded buckets stay in the cache
 * and with them a ghost shell of every value they hold, so the cache grows with every bucket read.
 * Both tables are printed, one line per step, like the seed's objgraph table.
 */
class DeepDeactivationProfileTest {
    static final int BUCKETS = 64;
    static final int PER_BUCKET = 32;
    static final int PAYLOAD = 1024;
    private static final String ITEM = Item.class.getName();
    private static final String BUCKET = "org.jodb.btree.LongBucket";
    private static final String NODE = "org.jodb.btree.LongTreeNode";

    @Test
    void deepDeactivationStaysFlatAndPlainDeactivationGrows() {
        DatabaseOptions noEviction = DatabaseOptions.defaults() // so the cache's eviction hides nothing
                .withCacheTargetCount(1_000_000).withCacheTargetBytes(1L << 40);
        try (Database db = Database.open(new MemoryStorage(), noEviction)) {
            try (Connection conn = db.open()) {
                // Appends split a full bucket keeping its newest eighth: buckets of 36 are left
                // holding 32, so each bucket holds one step's keys.
                LongBTree<Item> tree = new LongBTree<>(PER_BUCKET + PER_BUCKET / 8, 8);
                for (int number = 0; number < BUCKETS * PER_BUCKET; number++) {
                    tree.put(number, new Item(number, PAYLOAD));
                }
                conn.root().put("tree", tree);
                conn.commit();
            }
            DeactivationRun deep = run(db, true);
            DeactivationRun plain = run(db, false);
            System.out.printf("[deep-deactivation-profile] %d buckets of %d x %d-byte items; one bucket's data "
                    + "loaded adds %,d bytes to the cache%n", BUCKETS, PER_BUCKET, PAYLOAD, deep.oneBucketBytes);
            System.out.println("[deep-deactivation-profile] deep deactivation of the tree after each bucket:");
            System.out.print(deep.table());
            System.out.println("[deep-deactivation-profile] plain deactivation of each value after each bucket:");
            System.out.print(plain.table());

            // One bucket's worth of data is what a step holds while it reads; after deep deactivation
            // nothing of it is left, not even a ghost shell, so no step ends above the start plus that.
            for (DeactivationStep step : deep.steps) {
                assertEquals(List.of(0L, 0L, 0L), List.of(step.items(), step.buckets(), step.nodes()), "deep, " + step);
                assertTrue(step.bytes() <= deep.startBytes + deep.oneBucketBytes,
                        "deep, " + step + " above " + deep.startBytes + " + " + deep.oneBucketBytes);
            }
            assertEquals(deep.steps.get(0).bytes(), deep.last().bytes(), "deep: flat");

            // Plain deactivation: every bucket read stays loaded (with ghost siblings its loaded node
            // holds), and holds a ghost shell of each of its items: they accumulate step by step.
            for (int i = 0; i < BUCKETS; i++) {
                DeactivationStep step = plain.steps.get(i);
                assertTrue(step.items() >= (i + 1) * PER_BUCKET, "plain, " + step);
                assertTrue(i == 0 || step.bytes() >= plain.steps.get(i - 1).bytes(), "plain, " + step);
            }
            assertEquals(BUCKETS, plain.last().buckets());
            long plainGrowth = plain.last().bytes() - plain.startBytes;
            assertTrue(plainGrowth > deep.oneBucketBytes,
                    "plain grew " + plainGrowth + ", not above one bucket's worth " + deep.oneBucketBytes);
        }
    }

    /** Reads the tree bucket by bucket in a fresh (minimized) connection, profiling after each step. */
    private static DeactivationRun run(Database db, boolean deep) {
        try (Connection conn = db.open()) {
            conn.minimize(); // a pooled connection: start from a cold cache
            @SuppressWarnings("unchecked")
            LongBTree<Item> tree = (LongBTree<Item>) conn.root().get("tree");
            DeactivationRun run = new DeactivationRun();
            run.startBytes = profile(conn).totalBytes();
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                readBucket(tree, bucket);
                if (bucket == 0 && deep) {
                    run.oneBucketBytes = profile(conn).totalBytes() - run.startBytes;
                }
                deactivate(tree, bucket, deep);
                conn.commit();
                HeapProfile profile = profile(conn);
                run.steps.add(new DeactivationStep(bucket, count(profile, ITEM), count(profile, BUCKET),
                        count(profile, NODE), profile.totalBytes()));
            }
            return run;
        }
    }

    // Reading and deactivating are methods of their own so that no stale local of the caller's
    // frame (a for-each loop's iterator outlives the loop) keeps what was read reachable.

    /** Reads the payloads of every item of one bucket: the application's work, loading it all. */
    private static void readBucket(LongBTree<Item> tree, int bucket) {
        long bytes = 0;
        for (Item item : bucketItems(tree, bucket)) {
            bytes += item.payloadLength();
        }
        assertEquals((long) PER_BUCKET * PAYLOAD, bytes);
    }

    private static void deactivate(LongBTree<Item> tree, int bucket, boolean deep) {
        if (deep) {
            Persistence.deactivateDeep(tree);
        } else {
            bucketItems(tree, bucket).forEach(Persistence::deactivate);
        }
    }

    private static Collection<Item> bucketItems(LongBTree<Item> tree, int bucket) {
        return tree.subMap((long) bucket * PER_BUCKET, true, (long) (bucket + 1) * PER_BUCKET, false).values();
    }

    /** The profile once the JVM has collected the ghosts nothing references any more. */
    private static HeapProfile profile(Connection conn) {
        Items.gcUntil(() -> false, 2);
        return HeapProfile.of(conn);
    }

    private static long count(HeapProfile profile, String className) {
        return profile.classes().stream().filter(c -> c.className().equals(className))
                .mapToLong(ClassFootprint::count).sum();
    }
}
