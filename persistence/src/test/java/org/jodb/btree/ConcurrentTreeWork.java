package org.jodb.btree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.jodb.Connection;
import org.jodb.Database;

/**
 * What the tree concurrency tests share: running work on real threads, the tree under the root,
 * its size stripes and buckets, a pause.
 */
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

    /**
     * Inserts and removes {@code scratch} in the tree under the root entry {@code "tree"}, in
     * transactions, until every size stripe exists (each transaction picks one at random), so that
     * no later transaction writes the tree record to create one.
     */
    static <K> void createAllSizeStripes(Database db, K scratch) {
        while (true) {
            boolean missing = db.transactAndGet(conn -> {
                BTree<K, String> tree = anyTree(conn);
                tree.size(); // loads the tree: the stripes are read without loading anything
                return Arrays.asList(BTree.sizeStripesIfLoaded(tree)).contains(null);
            });
            if (!missing) {
                return;
            }
            db.transact(conn -> {
                BTree<K, String> tree = anyTree(conn);
                tree.put(scratch, "scratch");
                tree.remove(scratch);
            });
        }
    }

    /** The tree of either kind stored under the root entry {@code "tree"}. */
    @SuppressWarnings("unchecked")
    static <K> BTree<K, String> anyTree(Connection conn) {
        return (BTree<K, String>) conn.root().get("tree");
    }

    /** The number of buckets of {@code tree}, counted by walking it. */
    static int buckets(BTree<?, ?> tree) {
        int[] count = {0};
        tree.visit(new TreeVisitor() {
            @Override
            public void visitBucket(TreePart bucket) {
                count[0]++;
            }
        });
        return count[0];
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
