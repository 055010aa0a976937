package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.jodb.storage.memory.MemoryStorage;
import org.jodb.testmodel.Account;
import org.junit.jupiter.api.Test;

/**
 * The shared record cache never serves a record of the wrong revision: connections on different
 * snapshots of the same objects each see their own snapshot, while loads do hit the cache.
 */
class RecordCacheIsolationTest {
    /** MemoryStorage has no record cache by default: it would only duplicate the storage's map. */
    static final DatabaseOptions WITH_RECORD_CACHE = DatabaseOptions.defaults().withRecordCacheBytes(1 << 20);

    @Test
    void twoConnectionsOnDifferentSnapshotsSeeTheirOwnRevisions() {
        try (Database db = Database.open(new MemoryStorage(), WITH_RECORD_CACHE)) {
            db.transact(c -> c.root().put("a", new Account("a", 1)));
            try (Connection old = db.open(); Connection fresh = db.open()) {
                Account oldView = (Account) old.root().get("a");
                assertEquals(1, oldView.balance());           // old pins revision r1, caches balance 1

                db.transact(c -> ((Account) c.root().get("a")).deposit(10));   // r2: balance 11

                Account freshView = (Account) fresh.root().get("a");
                assertEquals(11, freshView.balance());        // must not get r1's record from the cache

                old.minimize();                               // old reloads inside its r1 transaction
                assertEquals(1, oldView.balance());           // must not get r2's record
                long hitsBefore = db.stats().recordCacheHits();
                fresh.minimize();
                assertEquals(11, freshView.balance());
                assertTrue(db.stats().recordCacheHits() > hitsBefore, db.stats().toString());
            }
        }
    }

    @Test
    void manyRevisionsAndSnapshotsAgreeWithTheStorage() {
        AtomicLong checks = new AtomicLong();
        try (Database db = Database.open(new MemoryStorage(), WITH_RECORD_CACHE)) {
            db.transact(c -> c.root().put("a", new Account("a", 0)));
            Connection[] readers = new Connection[8];
            long[] expected = new long[readers.length];
            for (int round = 0; round < 40; round++) {
                int slot = round % readers.length;
                if (readers[slot] != null) {
                    Account seen = (Account) readers[slot].root().get("a");
                    readers[slot].minimize();
                    assertEquals(expected[slot], seen.balance(), "reader " + slot + " round " + round);
                    checks.incrementAndGet();
                    readers[slot].close();
                }
                readers[slot] = db.open();
                expected[slot] = ((Account) readers[slot].root().get("a")).balance();
                int amount = round + 1;
                db.transact(c -> ((Account) c.root().get("a")).deposit(amount));
            }
            for (Connection reader : readers) {
                reader.close();
            }
            assertTrue(db.stats().recordCacheHits() > 0, db.stats().toString());
        }
        assertEquals(32, checks.get());
    }
}
