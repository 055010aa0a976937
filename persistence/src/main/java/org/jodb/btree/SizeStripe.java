package org.jodb.btree;

import org.jodb.Persistent;

/**
 * One part of a {@link LongBTree}'s entry count: the tree's size is the sum of its stripes. Each
 * transaction adds its inserts and removals to one stripe, so concurrent transactions on different
 * buckets rarely write the same stripe. A stripe's count may be negative (removals counted on
 * another stripe than the inserts). Its own, tiny record.
 */
@Persistent(detectChanges = false)
final class SizeStripe {
    private long count;

    long count() {
        return count;
    }

    void add(long delta) {
        count += delta;
    }
}
