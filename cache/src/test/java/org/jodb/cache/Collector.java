package org.jodb.cache;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.function.BooleanSupplier;

/**
 * Runs the garbage collector until something observable happened, a bounded number of times: each
 * round is one {@link System#gc()}, a wait until the JVM has handed that collection's cleared
 * references to their queues (shown by a sentinel reference of our own arriving on its queue),
 * and one check. Without the wait, a check can run before the reference handler thread has
 * enqueued what the collection cleared.
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
            gcAndAwaitReferenceProcessing();
        }
        return done.getAsBoolean();
    }

    private static void gcAndAwaitReferenceProcessing() {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
        System.gc();
        try {
            queue.remove(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sentinel.clear();
    }

    /**
     * Collects until {@code watched} (which the caller no longer references) is collected, as seen
     * by a weak reference on a queue of our own.
     */
    static boolean collectUntilCollected(WeakReference<?> watched, ReferenceQueue<?> queue) {
        return collectUntil(() -> watched.refersTo(null) && queue.poll() != null);
    }
}
