package org.jodb.btree;

import java.util.Arrays;

/**
 * The internal nodes passed on the way from the root to one bucket, and the child index taken in
 * each: what an insert needs to place a split's new sibling, and a removal to unlink an empty
 * bucket. Level 0 is the root.
 */
final class TreePath {
    private TreeNode[] nodes = new TreeNode[8];
    private int[] indexes = new int[8];
    private int depth;

    /** Descends from {@code root} to the bucket whose key range holds {@code key}. */
    Bucket descend(Object root, Object key) {
        depth = 0;
        Object part = root;
        while (part instanceof TreeNode) {
            TreeNode node = (TreeNode) part;
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
        return (Bucket) part;
    }

    /** The number of internal nodes on the path: 0 when the root is the bucket. */
    int depth() {
        return depth;
    }

    TreeNode node(int level) {
        return nodes[level];
    }

    int index(int level) {
        return indexes[level];
    }

    /** The bucket just before the path's bucket in key order, or null if it is the first one. */
    Bucket previousBucket() {
        for (int level = depth - 1; level >= 0; level--) {
            if (indexes[level] > 0) {
                return lastBucketUnder(nodes[level].childAt(indexes[level] - 1));
            }
        }
        return null;
    }

    /** The last bucket in the subtree under {@code part}. */
    static Bucket lastBucketUnder(Object part) {
        while (part instanceof TreeNode) {
            TreeNode node = (TreeNode) part;
            part = node.childAt(node.size() - 1);
        }
        return (Bucket) part;
    }

    /** The first bucket in the subtree under {@code part}. */
    static Bucket firstBucketUnder(Object part) {
        while (part instanceof TreeNode) {
            part = ((TreeNode) part).childAt(0);
        }
        return (Bucket) part;
    }
}
