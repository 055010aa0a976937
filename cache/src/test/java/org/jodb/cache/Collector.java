package org.jodb.cache;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.function.BooleanSupplier;

/**
 * Runs the garbage collector until something observable happened, a bounded number of times and
 * without sleeping: each round is one {@link System#gc()} and one check.
 */
final class Collector {
    static final int MAX_ROUNDS = 50;

    private Collector() {}

    /** Collects until {@code done} holds; returns whether it did within {@link #MAX_ROUNDS} rounds. */
    static boolean collectUntil(BooleanSupplier done) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (done.getAsBoolean()) {
                return true;
            }
            System.gc();
        }
        return done.getAsBoolean();
    }

    /**
     * Collects until {@code watched} (which the caller no longer references) is collected, as seen
     * by a weak reference on a queue of our own.
     */
    static boolean collectUntilCollected(WeakReference<?> watched, ReferenceQueue<?> queue) {
        return collectUntil(() -> watched.refersTo(null) && queue.poll() != null);
    }
}
