package org.jodb.btree;

import static org.jodb.btree.ConcurrentTreeWork.onThreads;
import static org.jodb.btree.ConcurrentTreeWork.pause;
import static org.jodb.btree.ConcurrentTreeWork.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jodb.ConflictException;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.storage.memory.MemoryStorage;
import org.junit.jupiter.api.Test;

/**
 * Four appenders of increasing keys (a time series: each transaction takes the next key of a shared
 * counter and puts it, at the tree's default capacities): every append commits in the end, and the
 * conflicts they meet are counted. All appends go to the last bucket, and appends made against the
 * same state of it merge, also when that state filled it (a merge may overfill by an eighth) and
 * when another transaction split it meanwhile (an appending split keeps the newest entries in the
 * bucket and moves the older ones out to a new one on its left). What still conflicts is a split
 * made against a state that another transaction split too: each split meets at most one such
 * conflict per other thread.
 */
class LongBTreeAppendersTest {
    private static final int THREADS = 4;
    private static final int APPENDS = 600;

    @Test
    void concurrentAppendersMostlyMerge() throws Exception {
        try (Database db = Database.open(new MemoryStorage())) {
            db.transact(conn -> conn.root().put("tree", new LongBTree<String>()));
            ConcurrentTreeWork.createAllSizeStripes(db, -1L); // creating a stripe writes the tree itself
            AtomicLong clock = new AtomicLong();
            List<long[]> perThread = onThreads(THREADS, thread -> append(db, clock));
            long conflicts = perThread.stream().mapToLong(r -> r[0]).sum();
            long commits = (long) THREADS * APPENDS;
            try (Connection conn = db.open()) {
                LongBTree<String> tree = tree(conn);
                assertEquals(commits, tree.size());
                TreeInvariants.check(tree);
                int buckets = ConcurrentTreeWork.buckets(tree);
                int splits = buckets - 1;
                System.out.printf("[btree-appenders] %d appends by %d threads, %d conflicts (%.1f%%), %d splits%n",
                        commits, THREADS, conflicts, 100.0 * conflicts / (commits + conflicts), splits);
                assertTrue(conflicts <= (long) (THREADS - 1) * splits,
                        conflicts + " conflicts: more than one per split and other thread");
            }
        }
    }

    /** Appends {@value #APPENDS} keys, one per transaction; returns {conflicts}. */
    private static long[] append(Database db, AtomicLong clock) {
        long conflicts = 0;
        try (Connection conn = db.open()) {
            for (int i = 0; i < APPENDS; i++) {
                while (true) {
                    try {
                        tree(conn).put(clock.getAndIncrement(), "v");
                        pause();
                        conn.commit();
                        break;
                    } catch (ConflictException e) {
                        conflicts++;
                        conn.abort();
                    }
                }
            }
        }
        return new long[] {conflicts};
    }
}
