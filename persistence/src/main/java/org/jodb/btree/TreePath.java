package org.jodb.btree;

import java.util.Arrays;

/**
 * The internal nodes passed on the way from the root to one bucket, and the child index taken in
 * each: what an insert needs to place a split's new sibling, and a removal to unlink an empty
 * bucket. Level 0 is the root.
 */
final class TreePath {
    private LongTreeNode[] nodes = new LongTreeNode[8];
    private int[] indexes = new int[8];
    private int depth;

    /** Descends from {@code root} to the bucket whose key range holds {@code key}. */
    LongBucket descend(Object root, long key) {
        depth = 0;
        Object part = root;
        while (part instanceof LongTreeNode) {
            LongTreeNode node = (LongTreeNode) part;
            int index = node.childIndexFor(key);
            if (depth == nodes.length) {
                nodes = Arrays.copyOf(nodes, depth * 2);
                indexes = Arrays.copyOf(indexes, depth * 2);
            }
            nodes[depth] = node;
            indexes[depth] = index;
            depth++;
            part = node.childAt(index);
        }
        return (LongBucket) part;
    }

    /** The number of internal nodes on the path: 0 when the root is the bucket. */
    int depth() {
        return depth;
    }

    LongTreeNode node(int level) {
        return nodes[level];
    }

    int index(int level) {
        return indexes[level];
    }

    /** The bucket just before the path's bucket in key order, or null if it is the first one. */
    LongBucket previousBucket() {
        for (int level = depth - 1; level >= 0; level--) {
            if (indexes[level] > 0) {
                return lastBucketUnder(nodes[level].childAt(indexes[level] - 1));
            }
        }
        return null;
    }

    /** The last bucket in the subtree under {@code part}. */
    static LongBucket lastBucketUnder(Object part) {
        while (part instanceof LongTreeNode) {
            LongTreeNode node = (LongTreeNode) part;
            part = node.childAt(node.size() - 1);
        }
        return (LongBucket) part;
    }

    /** The first bucket in the subtree under {@code part}. */
    static LongBucket firstBucketUnder(Object part) {
        while (part instanceof LongTreeNode) {
            part = ((LongTreeNode) part).childAt(0);
        }
        return (LongBucket) part;
    }
}
