package org.jodb.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.cache.CacheStats;
import org.jodb.cache.HeapProfile;
import org.jodb.storage.memory.MemoryStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reading 200,000 objects of 1 KiB each (200 MB of data) through one connection with a target of
 * 1,000 objects: the cache stays bounded at every boundary, its JOL-measured heap stays under
 * {@value #RETAINED_BOUND_BYTES} bytes, and dropped ghosts leave the identity map.
 * {@code -Djodb.test.items=N} changes the count.
 */
class BoundedReadTest {
    static final int ITEMS = Integer.getInteger("jodb.test.items", 200_000);
    static final int TARGET = 1_000;
    /** 1,000 loaded 1 KiB objects take about 1.1 MB; ghosts and bookkeeping well under 4 MB more. */
    static final long RETAINED_BOUND_BYTES = 6L << 20;

    static Database db;

    @BeforeAll
    static void store() {
        db = Database.open(new MemoryStorage(), DatabaseOptions.defaults().withCacheTargetCount(TARGET));
        Items.store(db, "items", ITEMS, 1024);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void readingEverythingKeepsTheCacheBoundedAndGhostsAreCollected() {
        try (Connection conn = db.open()) {
            long total = readAll(conn, TARGET);
            assertEquals((long) ITEMS * 1024, total);

            CacheStats stats = conn.cacheStats();
            assertTrue(stats.loads() >= ITEMS, stats.toString());
            assertTrue(Items.gcUntil(() -> conn.cacheStats().ghosts() < 5 * TARGET, 20), conn.cacheStats().toString());
            HeapProfile profile = HeapProfile.of(conn);
            System.out.printf("[bounded-read] %d items read, %s; retained %,d bytes in %,d objects (bound %,d)%n",
                    ITEMS, conn.cacheStats(), profile.totalBytes(), profile.totalCount(), RETAINED_BOUND_BYTES);
            System.out.print(profile.toTable());
            assertTrue(profile.totalBytes() < RETAINED_BOUND_BYTES, profile.toTable());

            conn.root().remove("nothing");    // the application drops everything it read:
            conn.abort();
            conn.minimize();
            int before = conn.cacheStats().ghosts();
            assertTrue(Items.gcUntil(() -> conn.cacheStats().ghosts() < 10, 20),
                    "ghosts before " + before + ", after " + conn.cacheStats());
            assertTrue(HeapProfile.of(conn).totalBytes() < 64 * 1024, HeapProfile.of(conn).toTable());
        }
    }

    /** Reads every item page by page, one transaction per page, checking the target at each boundary. */
    static long readAll(Connection conn, int target) {
        long total = 0;
        @SuppressWarnings("unchecked")
        List<List<Item>> pages = (List<List<Item>>) conn.root().get("items");
        int pageCount = pages.size();
        for (int p = 0; p < pageCount; p++) {
            for (Item item : pages.get(p)) {
                total += item.payloadLength();
            }
            conn.commit();
            int loaded = conn.cacheStats().loaded();
            assertTrue(loaded <= target, "after page " + p + ": " + loaded + " loaded > " + target);
        }
        return total;
    }
}
