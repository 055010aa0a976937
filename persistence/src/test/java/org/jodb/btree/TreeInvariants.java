package org.jodb.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a tree's structure through its walking API: keys sorted and inside each part's bounds,
 * separators sorted, no empty bucket but an empty root, the buckets' {@code next} links in key
 * order, all buckets at one depth, and the size stripes summing to the entries found.
 */
final class TreeInvariants {
    private TreeInvariants() {
    }

    /** Returns the tree's depth: 1 for a lone root bucket. */
    static int check(BTree<?, ?> tree) {
        @SuppressWarnings("unchecked")
        Comparator<Object> order = tree.comparator() == null ? (a, b) -> ((Comparable<Object>) a).compareTo(b)
                : (Comparator<Object>) tree.comparator();
        List<Bucket> buckets = new ArrayList<>();
        int[] bucketLevel = {-1};
        long[] entries = {0};
        tree.visit(new TreeVisitor() {
            @Override
            public boolean enterNode(TreePart node) {
                List<Object> separators = node.keys();
                assertTrue(node.size() >= 1 && node.size() <= tree.nodeCapacity(), "node size " + node.size());
                for (int i = 0; i < separators.size(); i++) {
                    assertInBounds(order, node, separators.get(i));
                    assertTrue(i == 0 || order.compare(separators.get(i - 1), separators.get(i)) < 0,
                            "separators out of order");
                }
                if (node.level() == 0) {
                    assertTrue(node.size() >= 2, "a root node with one child");
                }
                return true;
            }

            @Override
            public void visitBucket(TreePart bucket) {
                List<Object> keys = bucket.keys();
                assertTrue(keys.size() <= tree.bucketCapacity() + Bucket.mergeOverfill(tree.bucketCapacity()),
                        "overfull bucket");
                assertTrue(!keys.isEmpty() || bucket.level() == 0, "an empty bucket below the root");
                for (int i = 0; i < keys.size(); i++) {
                    assertInBounds(order, bucket, keys.get(i));
                    assertTrue(i == 0 || order.compare(keys.get(i - 1), keys.get(i)) < 0, "keys out of order");
                }
                if (bucketLevel[0] < 0) {
                    bucketLevel[0] = bucket.level();
                }
                assertEquals(bucketLevel[0], bucket.level(), "buckets at different depths");
                buckets.add((Bucket) bucket.object());
                entries[0] += keys.size();
            }
        });
        for (int i = 0; i < buckets.size(); i++) {
            assertSame(i + 1 < buckets.size() ? buckets.get(i + 1) : null, buckets.get(i).next(),
                    "next link of bucket " + i);
        }
        assertEquals(entries[0], tree.longSize(), "size stripes against the entries");
        return bucketLevel[0] + 1;
    }

    private static void assertInBounds(Comparator<Object> order, TreePart part, Object key) {
        assertTrue(part.lowerBound().isEmpty() || order.compare(key, part.lowerBound().get()) >= 0, "key below bound");
        assertTrue(part.upperBound().isEmpty() || order.compare(key, part.upperBound().get()) < 0, "key above bound");
    }

    /**
     * How many buckets hold some of the first {@code keys} of {@code entries} ascending keys put one
     * by one into an empty tree of {@code capacity}-entry buckets: each appending split leaves a
     * bucket of {@code capacity - Bucket.keptByAppendingSplit(capacity)} entries behind.
     */
    static int bucketsHoldingFirst(int keys, int entries, int capacity) {
        int left = capacity - Bucket.keptByAppendingSplit(capacity);
        int splits = entries <= capacity ? 0 : (entries - capacity - 1) / left + 1;
        int leftBuckets = Math.min(splits, (keys + left - 1) / left);
        return leftBuckets * left >= keys ? leftBuckets : leftBuckets + 1;
    }
}
