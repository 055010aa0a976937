package org.jodb.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.Persistence;
import org.jodb.cache.ObjectState;
import org.jodb.storage.memory.MemoryStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CHANGED and STICKY objects are never evicted, even far over target, and the bounded read holds
 * with 4 threads on their own connections.
 */
class PinnedObjectsTest {
    static final int ITEMS = 24_000;
    static final int TARGET = 100;
    static Database db;
    static long[] oids;

    @BeforeAll
    static void store() {
        db = Database.open(new MemoryStorage(), DatabaseOptions.defaults().withCacheTargetCount(TARGET));
        oids = Items.store(db, "items", ITEMS, 64);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void changedObjectsSurviveCollectionFarOverTarget() {
        try (Connection conn = db.open()) {
            checkChangedSurvive(conn, 0, 5_000);
        }
    }

    @Test
    void stickyObjectsSurviveCollectionAcrossBoundaries() {
        try (Connection conn = db.open()) {
            checkStickySurvive(conn, 0);
        }
    }

    @Test
    void fourThreadsWithTheirOwnConnections() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int slice = t;
                results.add(pool.submit(() -> {
                    try (Connection conn = db.open()) {
                        checkStickySurvive(conn, slice * 6_000);
                        checkChangedSurvive(conn, slice * 6_000, 2_000);
                        BoundedReadTest.readAll(conn, TARGET);   // asserts the target after each page
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Changes {@code count} items in one transaction, with savepoints and minimize() collecting. */
    static void checkChangedSurvive(Connection conn, int first, int count) {
        List<Item> changed = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            Item item = (Item) conn.get(oids[i]);
            item.renumber(-i);
            changed.add(item);
            if (i % 1_000 == 0) {
                conn.savepoint();   // collects like a boundary
            }
        }
        conn.minimize();
        assertTrue(conn.cacheStats().loaded() >= count, conn.cacheStats().toString());
        for (Item item : changed) {
            assertEquals(ObjectState.CHANGED, Persistence.state(item));
        }
        conn.abort();   // leave the data as it was for the other tests
        for (int i = first; i < first + count; i += 97) {
            assertEquals(i, ((Item) conn.get(oids[i])).number());
        }
        conn.abort();
    }

    /** Pins 50 items, reads 5,000 others over 50 transactions: the pinned ones stay loaded. */
    static void checkStickySurvive(Connection conn, int first) {
        List<Item> pinned = new ArrayList<>();
        for (int i = first; i < first + 50; i++) {
            Item item = (Item) conn.get(oids[i]);
            Persistence.setSticky(item, true);
            pinned.add(item);
        }
        conn.commit();
        for (int i = first + 50; i < first + 5_050; i++) {
            ((Item) conn.get(oids[i])).number();
            if (i % 100 == 0) {
                conn.commit();
                assertTrue(conn.cacheStats().loaded() <= TARGET + pinned.size(), conn.cacheStats().toString());
            }
        }
        conn.minimize();
        for (Item item : pinned) {
            assertEquals(ObjectState.STICKY, Persistence.state(item));
            Persistence.setSticky(item, false);
        }
        conn.minimize();
        for (Item item : pinned) {
            assertEquals(ObjectState.GHOST, Persistence.state(item));
        }
    }
}
