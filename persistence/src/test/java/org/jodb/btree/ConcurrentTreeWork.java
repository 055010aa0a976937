package org.jodb.btree;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.jodb.Connection;

/** What the tree concurrency tests share: running work on real threads, the tree under the root, a pause. */
final class ConcurrentTreeWork {
    private ConcurrentTreeWork() {
    }

    /** Runs {@code work} on {@code threads} threads and returns their results, in thread order. */
    static <T> List<T> onThreads(int threads, IntFunction<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> work.apply(thread)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The tree stored under the root entry {@code "tree"}. */
    @SuppressWarnings("unchecked")
    static LongBTree<String> tree(Connection conn) {
        return (LongBTree<String>) conn.root().get("tree");
    }

    /** Widens the window in which another thread commits to the same bucket. */
    static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
