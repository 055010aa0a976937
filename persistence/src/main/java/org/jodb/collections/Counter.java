package org.jodb.collections;

import org.jodb.MergesConflicts;
import org.jodb.Persistent;

/**
 * A persistent counter that concurrent transactions can change without conflicting: when two
 * commit changes to it, the later commit adds its own change to the committed value
 * (merged = committed + (mine - old), see {@link MergesConflicts}), so no change is lost and
 * neither transaction is retried. Use it for totals, sequence-free statistics and hit counts that
 * many transactions bump. A transaction reads the value of its snapshot plus its own changes; the
 * value after the commit includes the other transactions' changes too.
 *
 * <p>Arithmetic wraps around on overflow, like {@code long}'s. Not thread-safe, like every
 * persistent object: share it between threads through their own connections.
 */
@Persistent(detectChanges = false)
public class Counter implements MergesConflicts<Counter> {
    private long value;

    /** A counter at 0. */
    public Counter() {
    }

    /** A counter at {@code initial}. */
    public Counter(long initial) {
        this.value = initial;
    }

    /** Adds one. */
    public void increment() {
        value++;
    }

    /** Adds {@code delta} (negative to subtract). */
    public void add(long delta) {
        value += delta;
    }

    /** The value: this transaction's snapshot plus its own changes. */
    public long get() {
        return value;
    }

    /** Adds this transaction's change (relative to {@code old}) to the committed value. */
    @Override
    public boolean mergeConflict(Counter old, Counter committed) {
        value = committed.value + (value - old.value);
        return true;
    }

    @Override
    public String toString() {
        return "Counter[" + value + "]";
    }
}
