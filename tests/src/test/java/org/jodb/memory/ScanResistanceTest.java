package org.jodb.memory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.Persistence;
import org.jodb.cache.EvictionPolicy;
import org.jodb.cache.ObjectState;
import org.jodb.storage.memory.MemoryStorage;
import org.junit.jupiter.api.Test;

/**
 * A hot set of 1,000 objects read in every transaction, interleaved with one pass over 100,000
 * others (5,000 per transaction), with a target of 2,000: the hot-set hit rate of the default
 * policy against plain LRU, on the same data in the same run.
 */
class ScanResistanceTest {
    static final int HOT = 1_000;
    static final int SCAN = 100_000;
    static final int SCAN_PER_TRANSACTION = 5_000;
    static final int TARGET = 2_000;

    @Test
    void segmentedPolicyKeepsTheHotSetThroughAScanWherePlainLruDoesNot() {
        double segmented = hotHitRate(EvictionPolicy.SEGMENTED);
        double lru = hotHitRate(EvictionPolicy.LRU);
        System.out.printf("[scan-resistance] hot-set hit rate: segmented %.1f%%, plain LRU %.1f%%%n",
                100 * segmented, 100 * lru);
        assertTrue(segmented >= 0.85, "segmented " + segmented);
        assertTrue(segmented > lru + 0.4, "segmented " + segmented + " vs LRU " + lru);
    }

    static double hotHitRate(EvictionPolicy policy) {
        DatabaseOptions options = DatabaseOptions.defaults().withCacheTargetCount(TARGET).withCachePolicy(policy);
        try (Database db = Database.open(new MemoryStorage(), options)) {
            long[] oids = Items.store(db, "items", HOT + SCAN, 16);
            try (Connection conn = db.open()) {
                conn.minimize();
                List<Item> hot = new ArrayList<>();   // the application's working set, held as ghosts
                for (int i = 0; i < HOT; i++) {
                    hot.add((Item) conn.get(oids[i]));
                }
                long hotReads = 0;
                long hotHits = 0;
                int scanned = 0;
                while (scanned < SCAN) {
                    for (int i = 0; i < SCAN_PER_TRANSACTION; i++, scanned++) {
                        ((Item) conn.get(oids[HOT + scanned])).number();
                        if (i % (SCAN_PER_TRANSACTION / HOT) == 0) {
                            Item item = hot.get((int) (hotReads % HOT));
                            hotHits += Persistence.state(item) == ObjectState.GHOST ? 0 : 1;
                            hotReads++;
                            item.number();
                        }
                    }
                    conn.commit();
                    assertTrue(conn.cacheStats().loaded() <= TARGET);
                }
                return (double) hotHits / hotReads;
            }
        }
    }
}
