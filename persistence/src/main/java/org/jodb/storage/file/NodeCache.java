package org.jodb.storage.file;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decoded tree nodes by page number, so that hot branches and leaves are not read and decoded on
 * every load. A page's checksum is verified when it is read from the file, where corruption enters;
 * a node taken from here is not checked again.
 *
 * <p>A page number alone is not a safe key: a page freed and reused holds a different node. Every
 * lookup therefore passes the pointer's creating revision and gets a hit only if the cached node
 * was created at that revision; a stale entry (even one put by a reader racing with a snapshot
 * close) is a miss, never a wrong answer.
 *
 * <p><b>Bound.</b> The nodes' {@link Node#footprint() footprints} stay within a byte budget,
 * evicted by CLOCK: a lookup marks its node used, and the sweep that makes room gives a used node
 * another round instead of evicting it. A branch is marked with {@value #BRANCH_ROUNDS} rounds, a
 * leaf with one, because every load passes through a branch on each level and there are two orders
 * of magnitude fewer branches than leaves: losing one costs many misses and keeping all is cheap.
 * A node bigger than the whole budget is not cached.
 *
 * <p>Thread-safe. Lookups take no lock; puts (misses and commits) and the sweep run under the
 * cache's monitor.
 */
final class NodeCache {
    static final int BRANCH_ROUNDS = 3;

    /** One cached node and its CLOCK mark. */
    private static final class Slot {
        final Node node;
        final int bytes;
        final int rounds;
        /**
         * Rounds left before eviction. Written by readers without synchronisation: a lost update
         * only costs an early eviction, never a wrong node.
         */
        int marks;
        /** Replaced in the map or cleared; its bytes are no longer counted. Guarded by the cache. */
        boolean gone;

        Slot(Node node) {
            this.node = node;
            this.bytes = node.footprint();
            this.rounds = node instanceof BranchNode ? BRANCH_ROUNDS : 1;
        }
    }

    private final ConcurrentHashMap<Long, Slot> slots = new ConcurrentHashMap<>();
    private final long budget;
    // guarded by this
    private final ArrayDeque<Slot> clock = new ArrayDeque<>();
    private long bytes;
    private int gone;

    /** A cache holding nodes of at most {@code budget} bytes in all; 0 caches nothing. */
    NodeCache(long budget) {
        this.budget = budget;
    }

    Node get(NodeRef ref) {
        Slot slot = slots.get(ref.page());
        if (slot == null || slot.node.ref().created() != ref.created()) {
            return null;
        }
        if (slot.marks != slot.rounds) {
            // written only when it changes: hot branches are read by every thread, and an
            // unconditional store would bounce their cache line between cores
            slot.marks = slot.rounds;
        }
        return slot.node;
    }

    void put(Node node) {
        if (budget == 0) {
            return;
        }
        Slot slot = new Slot(node);
        if (slot.bytes > budget) {
            return;
        }
        synchronized (this) {
            Slot replaced = slots.put(node.ref().page(), slot);
            if (replaced != null) {
                forget(replaced);
            }
            clock.addLast(slot);
            bytes += slot.bytes;
            while (bytes > budget) {
                sweepOne();
            }
            // replaced slots wait in the clock until swept; purge them before they pile up
            if (gone > 64 && gone > clock.size() / 2) {
                clock.removeIf(s -> s.gone);
                gone = 0;
            }
        }
    }

    /** Advances the clock hand by one slot: evicts it, or takes one of its rounds and requeues it. */
    private void sweepOne() {
        Slot slot = clock.pollFirst();
        if (slot.gone) {
            gone--;
        } else if (slot.marks > 0) {
            slot.marks--;
            clock.addLast(slot);
        } else {
            slots.remove(slot.node.ref().page(), slot);
            bytes -= slot.bytes;
        }
    }

    private void forget(Slot slot) {
        slot.gone = true;
        bytes -= slot.bytes;
        gone++;
    }

    /** The bytes of the cached nodes. */
    synchronized long bytes() {
        return bytes;
    }

    synchronized void clear() {
        slots.clear();
        clock.clear();
        bytes = 0;
        gone = 0;
    }
}
