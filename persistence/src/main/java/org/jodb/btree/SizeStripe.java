package org.jodb.btree;

import org.jodb.MergesConflicts;
import org.jodb.Persistent;

/**
 * One part of a {@link BTree}'s entry count: the tree's size is the sum of its stripes. Each
 * transaction adds its inserts and removals to one stripe, so concurrent transactions on different
 * buckets rarely write the same stripe, and when they do, the stripe merges like a
 * {@link org.jodb.collections.Counter} (each side's change is added to the other's), so the count
 * alone never makes a commit conflict. A stripe's count may be negative (removals counted on
 * another stripe than the inserts). Its own, tiny record.
 */
@Persistent(detectChanges = false)
final class SizeStripe implements MergesConflicts<SizeStripe> {
    private long count;

    long count() {
        return count;
    }

    void add(long delta) {
        count += delta;
    }

    /** Adds this transaction's inserts and removals (relative to {@code old}) to the committed count. */
    @Override
    public boolean mergeConflict(SizeStripe old, SizeStripe committed) {
        count = committed.count + (count - old.count);
        return true;
    }
}
