package org.jodb.btree;

import static org.jodb.btree.ConcurrentTreeWork.onThreads;
import static org.jodb.btree.ConcurrentTreeWork.pause;
import static org.jodb.btree.ConcurrentTreeWork.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.storage.memory.MemoryStorage;
import org.junit.jupiter.api.Test;

/**
 * Four threads change one tree concurrently, each transaction in a {@code transact}, with keys
 * that land in the same buckets, so that commits merge buckets (and retry when a bucket splits or
 * empties); afterwards the tree must hold exactly what the committed transactions did: nothing
 * lost, nothing doubled, keys sorted, size exact. Prints the attempts per transaction.
 */
class LongBTreeBucketMergeConcurrencyTest {
    private static final int THREADS = 4;
    private static final int TRANSACTIONS = 60;
    private static final int BUCKET_CAPACITY = 64;
    /** Random keys modulo this are the thread that wrote them, or the initial entries. */
    private static final int RESIDUES = THREADS + 1;

    /**
     * Random keys of each thread's own residue (key % 5 == thread, so interleaved in every
     * bucket; residue 4 is the initial entries'), three inserts per transaction and now and then a removal of one of its committed
     * keys. Each thread's keys are its own, so its model of them is exact.
     */
    @Test
    void randomInterleavedChangesAllCommitAndTheTreeMatchesTheModel() throws Exception {
        long seed = System.nanoTime();
        System.out.printf("[bucket-merge-random] seed %d%n", seed);
        DatabaseOptions options = DatabaseOptions.defaults().withTransactAttempts(100_000);
        try (Database db = Database.open(new MemoryStorage(), options)) {
            TreeMap<Long, String> initial = new TreeMap<>();
            for (long key = 0; key < 20_000; key += 1_000) {
                initial.put(key * RESIDUES + THREADS, "initial"); // no thread's residue: never touched
            }
            db.transact(conn -> {
                LongBTree<String> tree = new LongBTree<>(BUCKET_CAPACITY, LongBTree.DEFAULT_NODE_CAPACITY);
                tree.putAll(initial);
                conn.root().put("tree", tree);
            });
            ConcurrentTreeWork.createAllSizeStripes(db, Long.MIN_VALUE);
            AtomicInteger attempts = new AtomicInteger();
            List<TreeMap<Long, String>> models = onThreads(THREADS, thread -> randomChanges(db, seed, thread, attempts));
            TreeMap<Long, String> expected = new TreeMap<>(initial);
            models.forEach(expected::putAll);
            System.out.printf("[bucket-merge-random] %d transactions committed after %d attempts; %d entries%n",
                    THREADS * TRANSACTIONS, attempts.get(), expected.size());
            assertTreeHolds(db, expected);
        }
    }

    /**
     * Time series: four threads append keys from one increasing sequence, one per transaction, so
     * every insert goes to the last bucket. Inserts into it merge until it is full; then both
     * concurrent transactions split it (or one splits, one inserts) and the later one retries.
     * Prints the share of attempts that conflicted.
     */
    @Test
    void concurrentAppendersMostlyMerge() throws Exception {
        DatabaseOptions options = DatabaseOptions.defaults().withTransactAttempts(100_000);
        try (Database db = Database.open(new MemoryStorage(), options)) {
            db.transact(conn -> conn.root().put("tree",
                    new LongBTree<String>(BUCKET_CAPACITY, LongBTree.DEFAULT_NODE_CAPACITY)));
            ConcurrentTreeWork.createAllSizeStripes(db, Long.MIN_VALUE);
            AtomicInteger attempts = new AtomicInteger();
            AtomicLong sequence = new AtomicLong();
            List<TreeMap<Long, String>> models = onThreads(THREADS, thread -> {
                TreeMap<Long, String> mine = new TreeMap<>();
                for (int i = 0; i < TRANSACTIONS * 2; i++) {
                    long key = sequence.incrementAndGet();
                    db.transact(conn -> {
                        attempts.incrementAndGet();
                        tree(conn).put(key, "t" + thread);
                        pause();
                    });
                    mine.put(key, "t" + thread);
                }
                return mine;
            });
            TreeMap<Long, String> expected = new TreeMap<>();
            models.forEach(expected::putAll);
            int transactions = THREADS * TRANSACTIONS * 2;
            System.out.printf("[bucket-merge-append] %d appends committed after %d attempts: %.1f%% of attempts"
                            + " conflicted (%d buckets of %d)%n", transactions, attempts.get(),
                    100.0 * (attempts.get() - transactions) / attempts.get(), transactions / BUCKET_CAPACITY + 1,
                    BUCKET_CAPACITY);
            assertTreeHolds(db, expected);
        }
    }

    private static TreeMap<Long, String> randomChanges(Database db, long seed, int thread, AtomicInteger attempts) {
        Random random = new Random(seed + thread);
        TreeMap<Long, String> mine = new TreeMap<>();
        for (int t = 0; t < TRANSACTIONS; t++) {
            // The changes are chosen before the transaction, so that every retry makes the same ones.
            List<Long> inserts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                inserts.add((long) random.nextInt(20_000) * RESIDUES + thread);
            }
            Long removal = !mine.isEmpty() && random.nextInt(3) == 0
                    ? new ArrayList<>(mine.keySet()).get(random.nextInt(mine.size())) : null;
            String value = "t" + thread + "." + t;
            db.transact(conn -> {
                attempts.incrementAndGet();
                LongBTree<String> tree = tree(conn);
                if (removal != null) {
                    tree.remove((long) removal);
                }
                inserts.forEach(key -> tree.put(key, value));
                pause(); // widens the window in which another thread commits to the same bucket
            });
            if (removal != null) {
                mine.remove(removal);
            }
            inserts.forEach(key -> mine.put(key, value));
        }
        return mine;
    }

    private static void assertTreeHolds(Database db, TreeMap<Long, String> expected) {
        try (Connection conn = db.open()) {
            conn.minimize(); // a pooled cache's objects: read what was committed, not what is in memory
            LongBTree<String> tree = tree(conn);
            TreeInvariants.check(tree);
            assertEquals(expected.size(), tree.size(), "size");
            assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(tree.keySet()), "keys, in order");
            assertEquals(expected, new TreeMap<>(tree), "entries");
        }
    }


}
