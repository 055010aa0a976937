package org.jodb.btree;

import static org.jodb.btree.ConcurrentTreeWork.buckets;
import static org.jodb.btree.ConcurrentTreeWork.onThreads;
import static org.jodb.btree.ConcurrentTreeWork.pause;
import static org.jodb.btree.ConcurrentTreeWork.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    private static final int BATCHES = 60;
    private static final int BATCH = 2;

    @Test
    void insertsIntoDifferentBucketsNeverConflictOnTheSize() throws Exception {
        DatabaseOptions options = DatabaseOptions.defaults().withTransactAttempts(100_000);
        try (Database db = Database.open(new MemoryStorage(), options)) {
            buildOneBucketPerThread(db);
            AtomicInteger attempts = new AtomicInteger();
            onThreads(THREADS, thread -> {
                insertAll(db, thread, attempts);
                return null;
            });
            System.out.printf("[btree-disjoint-buckets] %d transactions committed after %d attempts%n",
                    THREADS * BATCHES, attempts.get());
            assertEquals(THREADS * BATCHES, attempts.get(), "a transaction conflicted and was retried");
            try (Connection conn = db.open()) {
                conn.minimize();
                LongBTree<String> tree = tree(conn);
                int total = THREADS * (1 + BATCHES * BATCH);
                assertEquals(total, tree.size());
                assertEquals(total, tree.entrySet().size());
                TreeInvariants.check(tree);
                for (int t = 0; t < THREADS; t++) {
                    for (long key = t * RANGE; key <= t * RANGE + BATCHES * BATCH; key++) {
                        assertEquals("t" + t, tree.get(key), "key " + key);
                    }
                }
            }
        }
    }

    /**
     * Fills one full bucket per thread's key range (an insert after a full bucket's last key
     * starts a new bucket), then empties each but its first key, one removal per transaction:
     * buckets never merge, so each range keeps its own bucket with room, and the hundreds of
     * transactions create all the size stripes (a missing one would be created, writing the tree
     * itself, in the concurrent part).
     */
    private static void buildOneBucketPerThread(Database db) {
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
        }
    }

    private static void insertAll(Database db, int thread, AtomicInteger attempts) {
        for (int batch = 0; batch < BATCHES; batch++) {
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
