package org.jodb.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.benchmarks.BTreeBenchmark;
import org.jodb.btree.LongBTree;
import org.jodb.cache.ClassFootprint;
import org.jodb.cache.HeapProfile;
import org.jodb.storage.memory.MemoryStorage;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/**
 * Heap bytes per entry of a fully loaded {@link LongBTree} of {@value BTreeBenchmark#ENTRIES}
 * entries (the keys and values of {@link BTreeBenchmark}, default capacities) against a
 * {@code TreeMap<Long, Long>} with the same entries, both measured with JOL and both without the
 * value objects (a distinct {@code Long} per entry in both, subtracted).
 *
 * <p>jodb: the tree is built and committed in one connection, then read through in a fresh
 * (minimized) one, which loads every bucket and node from the storage; the figure is a
 * {@link HeapProfile} of that connection's cache: JOL's walk of everything the cache retains (the
 * tree, its nodes and buckets, their arrays, the cache's identity map and bookkeeping), stopping at
 * the connection and the database, less the {@code Long} values. TreeMap: JOL's
 * {@code GraphLayout} of the map (entries and boxed keys) less the graph of its values.
 */
class BTreeHeapPerEntryTest {
    private static final int N = BTreeBenchmark.ENTRIES;

    @Test
    void heapPerEntryOfALoadedLongBTreeAndOfATreeMap() {
        long[] keys = BTreeBenchmark.keys();

        TreeMap<Long, Long> treeMap = new TreeMap<>();
        for (long key : keys) {
            treeMap.put(key, BTreeBenchmark.valueOf(key));
        }
        GraphLayout treeMapGraph = GraphLayout.parseInstance(treeMap);
        GraphLayout treeMapValues = GraphLayout.parseInstance(treeMap.values().toArray());
        long treeMapBytes = treeMapGraph.subtract(treeMapValues).totalSize();

        DatabaseOptions noEviction = DatabaseOptions.defaults().withCacheTargetCount(4 * N)
                .withCacheTargetBytes(1L << 40);
        try (Database db = Database.open(new MemoryStorage(), noEviction)) {
            try (Connection conn = db.open()) {
                LongBTree<Long> tree = new LongBTree<>();
                conn.root().put("tree", tree);
                for (int i = 0; i < N; i++) {
                    tree.put(keys[i], BTreeBenchmark.valueOf(keys[i]));
                    if ((i + 1) % 50_000 == 0) {
                        conn.commit();
                    }
                }
                conn.commit();
            }
            try (Connection conn = db.open()) {
                conn.minimize(); // nothing loaded: the scan loads every part from the storage
                @SuppressWarnings("unchecked")
                LongBTree<Long> tree = (LongBTree<Long>) conn.root().get("tree");
                long entries = 0;
                for (Map.Entry<Long, Long> entry : tree.entrySet()) {
                    entries += entry.getValue() == null ? 0 : 1;
                }
                assertEquals(treeMap.size(), entries);
                assertEquals(treeMap.size(), tree.size());

                HeapProfile profile = HeapProfile.of(conn);
                long longs = profile.count(Long.class);
                long longBytes = profile.bytes(Long.class);
                long jodbBytes = profile.totalBytes() - longBytes;
                long parts = 0;
                List<String> rows = new ArrayList<>();
                for (ClassFootprint footprint : profile.classes()) {
                    if (footprint.className().equals("org.jodb.btree.LongBucket")
                            || footprint.className().equals("org.jodb.btree.LongTreeNode")) {
                        parts += footprint.count();
                    }
                    if (rows.size() < 10) {
                        rows.add(String.format("    %-45s %,12d objects %,14d bytes %8.2f B/entry",
                                footprint.className(), footprint.count(), footprint.bytes(),
                                (double) footprint.bytes() / N));
                    }
                }
                System.out.printf("[btree-heap] %,d entries, keys of BTreeBenchmark, values distinct Longs "
                        + "(excluded from both figures)%n", N);
                System.out.printf("[btree-heap] TreeMap<Long, Long>: %,d bytes = %.1f bytes per entry "
                        + "(JOL GraphLayout of the map minus its values)%n", treeMapBytes, (double) treeMapBytes / N);
                System.out.printf("[btree-heap] LongBTree<Long> (%d/%d), loaded: %,d bytes = %.1f bytes per entry "
                        + "(HeapProfile of the connection's cache, %,d objects of which %,d buckets and nodes, "
                        + "minus %,d Long values = %,d bytes)%n", tree.bucketCapacity(), tree.nodeCapacity(),
                        jodbBytes, (double) jodbBytes / N, profile.totalCount(), parts, longs, longBytes);
                System.out.printf("[btree-heap] ratio LongBTree / TreeMap: %.2f%n", (double) jodbBytes / treeMapBytes);
                System.out.println("[btree-heap] the cache's largest classes:");
                rows.forEach(System.out::println);
                assertEquals(N, longs, "one Long per value, no other Long in the cache");
                assertTrue(jodbBytes < treeMapBytes, "issue 9's target: below TreeMap's heap per entry");
            }
        }
    }
}
