package org.jodb.storage.file;

/**
 * A decoded object-tree page. Nodes are immutable once built: a commit builds new nodes for the
 * pages it rewrites, so decoded nodes can be shared by readers through the {@link NodeCache}.
 */
sealed interface Node permits LeafNode, BranchNode {

    /** The page this node was read from or written to, with its creating revision. */
    NodeRef ref();

    /** The smallest oid in the node's subtree. */
    long firstKey();

    /** Approximate heap bytes this node holds, which the {@link NodeCache} budget counts. */
    int footprint();
}
