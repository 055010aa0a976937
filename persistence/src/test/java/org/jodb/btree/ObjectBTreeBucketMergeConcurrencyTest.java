package org.jodb.btree;

import static org.jodb.btree.ConcurrentTreeWork.anyTree;
import static org.jodb.btree.ConcurrentTreeWork.onThreads;
import static org.jodb.btree.ConcurrentTreeWork.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.storage.memory.MemoryStorage;
import org.junit.jupiter.api.Test;

/**
 * Four connections insert disjoint {@code String} keys into the same bucket of an
 * {@link ObjectBTree} concurrently, one key per transaction: the bucket has room for all of them,
 * so no transaction splits it, and every commit that meets another's change to the bucket merges
 * it key by key instead of conflicting. Afterwards the tree holds exactly the initial keys and
 * every thread's, and {@code size()} is exact.
 */
class ObjectBTreeBucketMergeConcurrencyTest {
    private static final int THREADS = 4;
    private static final int INSERTS = 12;
    private static final int BUCKET_CAPACITY = 64;
    /**
     * Ascending inserts split the last bucket when it is full and one more key comes, keeping its
     * newest eighth and the new key: after a third split the last bucket holds 9 entries, with room
     * for the threads' 48.
     */
    private static final int INITIAL = BUCKET_CAPACITY + 1 + 2 * (BUCKET_CAPACITY - Bucket.keptByAppendingSplit(BUCKET_CAPACITY));

    @Test
    void disjointInsertsIntoOneBucketAllCommitWithoutRetry() throws Exception {
        DatabaseOptions options = DatabaseOptions.defaults().withTransactAttempts(1); // a conflict fails the test
        try (Database db = Database.open(new MemoryStorage(), options)) {
            TreeMap<String, String> expected = new TreeMap<>();
            for (int i = 0; i < INITIAL; i++) {
                expected.put(String.format("k%04d", i), "initial");
            }
            db.transact(conn -> {
                ObjectBTree<String, String> tree = new ObjectBTree<>(null, BUCKET_CAPACITY, 8);
                tree.putAll(expected);
                conn.root().put("tree", tree);
            });
            ConcurrentTreeWork.createAllSizeStripes(db, "scratch");
            String last = expected.lastKey();
            List<List<String>> inserted = onThreads(THREADS, thread -> {
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < INSERTS; i++) {
                    // after the last initial key: all in the last bucket, interleaved between threads
                    String key = last + String.format("-%02d-t%d", i, thread);
                    db.transact(conn -> {
                        BTree<String, String> tree = anyTree(conn);
                        tree.put(key, "t" + thread);
                        pause(); // widens the window in which another thread commits to the bucket
                    });
                    mine.add(key);
                }
                return mine;
            });
            inserted.forEach(keys -> keys.forEach(key -> expected.put(key, "t" + key.charAt(key.length() - 1))));
            try (Connection conn = db.open()) {
                conn.minimize(); // read what was committed, not what a pooled cache holds
                BTree<String, String> tree = anyTree(conn);
                int depth = TreeInvariants.check(tree);
                assertEquals(2, depth, "one level of nodes above the buckets: no split happened");
                assertEquals(expected.size(), tree.size(), "size");
                assertEquals(expected, new TreeMap<>(tree), "entries");
                assertEquals(4, ConcurrentTreeWork.buckets(tree), "the inserts all went to the last bucket, which did not split");
            }
            System.out.printf("[object-bucket-merge] %d inserts by %d threads into one bucket, all committed at"
                    + " the first attempt; %d entries%n", THREADS * INSERTS, THREADS, expected.size());
        }
    }
}
