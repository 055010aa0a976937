package org.jodb.storage.file;

/**
 * One node in the {@link NodeCache}, with its key and CLOCK mark. The key fields are copied from
 * the node's ref so that a lookup reads them without following it.
 */
final class NodeSlot {
    final long page;
    final long created;
    final Node node;
    final int bytes;
    final int rounds;
    /**
     * Sweeps left before eviction. Written by readers without synchronisation: a lost update only
     * costs an early eviction, never a wrong node.
     */
    int marks;
    /** Replaced by a newer slot for the page; its bytes no longer count. Guarded by the cache. */
    boolean gone;

    NodeSlot(Node node) {
        this.page = node.ref().page();
        this.created = node.ref().created();
        this.node = node;
        this.bytes = node.footprint();
        this.rounds = node instanceof BranchNode ? NodeCache.BRANCH_ROUNDS : 1;
    }

    /** Marks the slot used and returns its node. */
    Node use() {
        if (marks != rounds) {
            // written only when it changes: hot branches are read by every thread, and an
            // unconditional store would bounce their cache line between cores
            marks = rounds;
        }
        return node;
    }
}
