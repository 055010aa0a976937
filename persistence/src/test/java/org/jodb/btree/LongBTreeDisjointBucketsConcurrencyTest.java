package org.jodb.btree;

import static org.jodb.btree.ConcurrentTreeWork.buckets;
import static org.jodb.btree.ConcurrentTreeWork.onThreads;
import static org.jodb.btree.ConcurrentTreeWork.pause;
import static org.jodb.btree.ConcurrentTreeWork.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.storage.memory.MemoryStorage;
import org.junit.jupiter.api.Test;

/**
 * Four threads insert disjoint keys into one tree, each into a bucket of its own that has room
 * for all its keys, each insert batch in a {@code transact}: the only record two transactions
 * both write is a size stripe, and stripes merge, so every transaction commits at its first
 * attempt (without merging, about one concurrent pair in eight picks the same stripe and
 * conflicts), and {@code size()} is exact.
 */
class LongBTreeDisjointBucketsConcurrencyTest {
    private static final int THREADS = 4;
    private static final int BUCKET_CAPACITY = 128;
    private static final long RANGE = 10_000;
    /** Batches per thread at most; fewer if a thread's bucket has less room above its key (see the build). */
    private static final int MAX_BATCHES = 60;
    private static final int BATCH = 2;

    @Test
    void insertsIntoDifferentBucketsNeverConflictOnTheSize() throws Exception {
        DatabaseOptions options = DatabaseOptions.defaults().withTransactAttempts(100_000);
        try (Database db = Database.open(new MemoryStorage(), options)) {
            int batches = buildOneBucketPerThread(db);
            AtomicInteger attempts = new AtomicInteger();
            onThreads(THREADS, thread -> {
                insertAll(db, thread, batches, attempts);
                return null;
            });
            System.out.printf("[btree-disjoint-buckets] %d transactions committed after %d attempts%n",
                    THREADS * batches, attempts.get());
            assertEquals(THREADS * batches, attempts.get(), "a transaction conflicted and was retried");
            try (Connection conn = db.open()) {
                conn.minimize();
                LongBTree<String> tree = tree(conn);
                int total = THREADS * (1 + batches * BATCH);
                assertEquals(total, tree.size());
                assertEquals(total, tree.entrySet().size());
                TreeInvariants.check(tree);
                for (int t = 0; t < THREADS; t++) {
                    for (long key = t * RANGE; key <= t * RANGE + batches * BATCH; key++) {
                        assertEquals("t" + t, tree.get(key), "key " + key);
                    }
                }
            }
        }
    }

    /**
     * Fills each thread's key range with a bucketful of keys, ascending (the first key of the next
     * range splits the full bucket, which keeps its newest eighth), then empties each but its first
     * key, one removal per transaction: emptied buckets leave the tree, and each range's first key
     * is left in a bucket of its own whose key range reaches up to the next split's boundary
     * (below the range's bucketful: the room above each first key, which bounds the batches, is
     * returned), and the hundreds of transactions create all
     * the size stripes (a missing one would be created, writing the tree itself, in the concurrent
     * part).
     */
    private static int buildOneBucketPerThread(Database db) {
        db.transact(conn -> {
            LongBTree<String> tree = new LongBTree<>(BUCKET_CAPACITY, LongBTree.DEFAULT_NODE_CAPACITY);
            for (int t = 0; t < THREADS; t++) {
                for (int i = 0; i < BUCKET_CAPACITY; i++) {
                    tree.put(t * RANGE + i, "t" + t);
                }
            }
            conn.root().put("tree", tree);
        });
        for (int t = 0; t < THREADS; t++) {
            for (int i = 1; i < BUCKET_CAPACITY; i++) {
                long key = t * RANGE + i;
                db.transact(conn -> tree(conn).remove(key));
            }
        }
        try (Connection conn = db.open()) {
            assertEquals(THREADS, buckets(tree(conn)), "one bucket per thread");
            long[] room = {Long.MAX_VALUE};
            tree(conn).visit(new TreeVisitor() {
                @Override
                public void visitBucket(TreePart bucket) {
                    long first = (Long) bucket.keys().get(0);
                    bucket.upperBound().ifPresent(upper -> room[0] = Math.min(room[0], (Long) upper - first - 1));
                }
            });
            int batches = (int) Math.min(MAX_BATCHES, room[0] / BATCH);
            assertTrue(batches >= MAX_BATCHES / 2, "room for " + room[0] + " keys above each thread's first key");
            return batches;
        }
    }

    private static void insertAll(Database db, int thread, int batches, AtomicInteger attempts) {
        for (int batch = 0; batch < batches; batch++) {
            long first = thread * RANGE + 1 + (long) batch * BATCH;
            db.transact(conn -> {
                attempts.incrementAndGet();
                LongBTree<String> tree = tree(conn);
                int before = tree.size();
                for (int i = 0; i < BATCH; i++) {
                    tree.put(first + i, "t" + thread);
                }
                assertEquals(before + BATCH, tree.size(), "size within the transaction");
                pause(); // widens the window in which another thread commits
            });
        }
    }

}
