package org.jodb.btree;

/**
 * Walks the parts of a {@link BTree} of either kind ({@link BTree#visit}): the root, then depth
 * first in key order the internal nodes the visitor enters and the buckets under them. A part is loaded
 * only by what the visitor asks of it ({@link TreePart#size()}, {@link TreePart#keys()}, ...)
 * and, for a node, by entering it, which reads its children.
 */
public interface TreeVisitor {

    /**
     * Called for each internal node before its children; return {@code true} to visit them
     * (loading the node), {@code false} to skip the whole subtree. The default enters every node.
     */
    default boolean enterNode(TreePart node) {
        return true;
    }

    /** Called after the children of a node that {@link #enterNode} entered. */
    default void leaveNode(TreePart node) {
    }

    /** Called for each bucket under an entered node (or for the root bucket). */
    default void visitBucket(TreePart bucket) {
    }
}
