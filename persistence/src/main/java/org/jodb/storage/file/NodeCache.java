package org.jodb.storage.file;

import java.util.ArrayDeque;

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
 * <p><b>Table.</b> An open-addressing table of slots that carry the page number and creating
 * revision themselves, so a lookup follows one reference per probe instead of a hash map's entry,
 * boxed key and value. Lookups take no lock and may race with a put or an eviction moving slots:
 * then they can miss a node that is cached (and read the page again), never return a wrong one,
 * as every slot they see is immutable but for its CLOCK mark. Puts (misses and commits), eviction
 * and growth run under the cache's monitor.
 *
 * <p>Thread-safe.
 */
final class NodeCache {
    static final int BRANCH_ROUNDS = 3;
    private static final int INITIAL_CAPACITY = 64;

    private final long budget;
    /** Replaced, never resized in place: a reader keeps a consistent array. Written under the monitor. */
    private volatile NodeSlot[] table = new NodeSlot[INITIAL_CAPACITY];
    // guarded by this
    private final ArrayDeque<NodeSlot> clock = new ArrayDeque<>();
    private int count;
    private long bytes;
    private int gone;

    /** A cache holding nodes of at most {@code budget} bytes in all; 0 caches nothing. */
    NodeCache(long budget) {
        this.budget = budget;
    }

    Node get(NodeRef ref) {
        long page = ref.page();
        NodeSlot[] slots = table;
        int mask = slots.length - 1;
        for (int i = home(page, mask), probes = 0; probes <= mask; i = (i + 1) & mask, probes++) {
            NodeSlot slot = slots[i];
            if (slot == null) {
                return null;
            }
            if (slot.page == page) {
                return slot.created == ref.created() ? slot.use() : null;
            }
        }
        return null;
    }

    void put(Node node) {
        if (budget == 0) {
            return;
        }
        NodeSlot slot = new NodeSlot(node);
        if (slot.bytes > budget) {
            return;
        }
        synchronized (this) {
            if (2 * (count + 1) > table.length) {
                grow();
            }
            NodeSlot replaced = insert(table, slot);
            if (replaced != null) {
                replaced.gone = true;
                bytes -= replaced.bytes;
                gone++;
            } else {
                count++;
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
        NodeSlot slot = clock.pollFirst();
        if (slot.gone) {
            gone--;
        } else if (slot.marks > 0) {
            slot.marks--;
            clock.addLast(slot);
        } else {
            remove(table, slot);
            count--;
            bytes -= slot.bytes;
        }
    }

    private static int home(long page, int mask) {
        return (int) ((page * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    }

    /** Puts {@code slot} in its page's place; returns the slot it replaced, or null. */
    private static NodeSlot insert(NodeSlot[] slots, NodeSlot slot) {
        int mask = slots.length - 1;
        for (int i = home(slot.page, mask); ; i = (i + 1) & mask) {
            NodeSlot present = slots[i];
            if (present == null || present.page == slot.page) {
                slots[i] = slot;
                return present;
            }
        }
    }

    /**
     * Removes {@code slot} and moves later slots of its probe run back into the gap, so that no
     * lookup stops at the gap before reaching them (no tombstones to clean up).
     */
    private static void remove(NodeSlot[] slots, NodeSlot slot) {
        int mask = slots.length - 1;
        int gap = home(slot.page, mask);
        while (slots[gap] != slot) {
            gap = (gap + 1) & mask;
        }
        slots[gap] = null;
        for (int i = (gap + 1) & mask; slots[i] != null; i = (i + 1) & mask) {
            int home = home(slots[i].page, mask);
            // the slot may fill the gap if its home is not within (gap, i], cyclically
            boolean homeAfterGap = gap <= i ? home > gap && home <= i : home > gap || home <= i;
            if (!homeAfterGap) {
                slots[gap] = slots[i];
                slots[i] = null;
                gap = i;
            }
        }
    }

    private void grow() {
        NodeSlot[] old = table;
        NodeSlot[] grown = new NodeSlot[old.length * 2];
        for (NodeSlot slot : old) {
            if (slot != null) {
                insert(grown, slot);
            }
        }
        table = grown;
    }

    /** The bytes of the cached nodes. */
    synchronized long bytes() {
        return bytes;
    }

    synchronized void clear() {
        table = new NodeSlot[INITIAL_CAPACITY];
        clock.clear();
        count = 0;
        bytes = 0;
        gone = 0;
    }
}
