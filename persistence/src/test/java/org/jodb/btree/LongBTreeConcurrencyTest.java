package org.jodb.btree;

import static org.jodb.btree.ConcurrentTreeWork.onThreads;
import static org.jodb.btree.ConcurrentTreeWork.pause;
import static org.jodb.btree.ConcurrentTreeWork.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.storage.memory.MemoryStorage;
import org.junit.jupiter.api.Test;

/**
 * Four threads insert disjoint, interleaved keys (so into the same buckets) into one tree, each
 * insert batch in a {@code transact} retried on conflict: all commit, nothing is lost or doubled,
 * and {@code size()} is exact.
 */
class LongBTreeConcurrencyTest {
    private static final int THREADS = 4;
    private static final int BATCHES = 60;
    private static final int BATCH = 10;

    @Test
    void concurrentInsertsAllCommitAndSizeIsExact() throws Exception {
        DatabaseOptions options = DatabaseOptions.defaults().withTransactAttempts(100_000);
        try (Database db = Database.open(new MemoryStorage(), options)) {
            db.transact(conn -> conn.root().put("tree", new LongBTree<String>(16, 4)));
            AtomicInteger attempts = new AtomicInteger();
            onThreads(THREADS, thread -> {
                insertAll(db, thread, attempts);
                return null;
            });
            int total = THREADS * BATCHES * BATCH;
            assertTrue(attempts.get() > THREADS * BATCHES, "no conflict was retried: the test proves nothing");
            System.out.printf("[btree-concurrency] %d transactions committed after %d attempts%n",
                    THREADS * BATCHES, attempts.get());
            List<Connection> pooled = new ArrayList<>(); // the workers' warm caches: each must see all
            for (int t = 0; t < THREADS; t++) {
                pooled.add(db.open());
            }
            for (Connection conn : pooled) {
                assertEquals(total, tree(conn).size(), "size seen through a pooled connection");
                conn.close();
            }
            try (Connection conn = db.open()) {
                conn.minimize(); // a pooled cache's objects: read what was committed, not what is in memory
                LongBTree<String> tree = tree(conn);
                assertEquals(total, tree.size());
                assertEquals(total, tree.entrySet().size());
                TreeInvariants.check(tree);
                for (long key = 0; key < total; key++) {
                    assertEquals("t" + key % THREADS, tree.get(key), "key " + key);
                }
            }
        }
    }

    private static void insertAll(Database db, int thread, AtomicInteger attempts) {
        for (int batch = 0; batch < BATCHES; batch++) {
            long first = (long) batch * BATCH * THREADS;
            db.transact(conn -> {
                attempts.incrementAndGet();
                LongBTree<String> tree = tree(conn);
                int before = tree.size();
                for (int i = 0; i < BATCH; i++) {
                    tree.put(first + (long) i * THREADS + thread, "t" + thread);
                }
                assertEquals(before + BATCH, tree.size(), "size within the transaction");
                pause(); // widens the window in which another thread commits to the same bucket
            });
        }
    }

}
