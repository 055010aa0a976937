package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jodb.storage.Storage;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;
import org.jodb.storage.memory.MemoryStorage;
import org.jodb.testmodel.Account;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared record cache never serves a record of the wrong revision: connections on different
 * snapshots of the same objects each see their own snapshot, while loads do hit the cache; on the
 * memory and the file storage, and with loads of old snapshots racing commits on real threads.
 */
class RecordCacheIsolationTest {
    /** MemoryStorage has no record cache by default: it would only duplicate the storage's map. */
    static final DatabaseOptions WITH_RECORD_CACHE = DatabaseOptions.defaults().withRecordCacheBytes(1 << 20);

    @TempDir
    Path dir;

    private Database open(String kind) {
        Storage storage = kind.equals("memory") ? new MemoryStorage()
                : FileStorage.open(dir.resolve("isolation.jodb"), FileStorageOptions.defaults().withSync(false));
        return Database.open(storage, WITH_RECORD_CACHE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void twoConnectionsOnDifferentSnapshotsSeeTheirOwnRevisions(String kind) {
        try (Database db = open(kind)) {
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

    /**
     * Three readers, each on one of the three newest revisions, reload the account after every
     * commit: each must get the balance of its own revision (known from the deposits made before it
     * opened), and every reload must be served by the cache, which keeps the four newest versions
     * of an oid, so that what is checked is the cache's answer and not the storage's.
     */
    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void readersOnTheNewestRevisionsEachReloadTheirOwnVersionFromTheCache(String kind) {
        int rounds = 40;
        try (Database db = open(kind)) {
            db.transact(c -> c.root().put("a", new Account("a", 0)));
            Connection[] readers = new Connection[3];
            Account[] views = new Account[readers.length];
            long[] expected = new long[readers.length];
            long deposited = 0;
            int reloads = 0;
            int reloadHits = 0;
            for (int round = 0; round < rounds; round++) {
                for (int slot = 0; slot < readers.length; slot++) {
                    if (readers[slot] != null) {
                        readers[slot].minimize();
                        long hitsBefore = db.stats().recordCacheHits();
                        assertEquals(expected[slot], views[slot].balance(), "reader " + slot + " round " + round);
                        reloadHits += (int) (db.stats().recordCacheHits() - hitsBefore);
                        reloads++;
                    }
                }
                int slot = round % readers.length;
                if (readers[slot] != null) {
                    readers[slot].close();
                }
                readers[slot] = db.open();
                views[slot] = (Account) readers[slot].root().get("a");
                expected[slot] = deposited;
                assertEquals(deposited, views[slot].balance(), "newly opened reader, round " + round);
                long amount = round + 1;
                db.transact(c -> ((Account) c.root().get("a")).deposit(amount));
                deposited += amount;
            }
            for (Connection reader : readers) {
                reader.close();
            }
            assertEquals(3 * rounds - 6, reloads); // rounds 1 and 2 have fewer readers open
            assertEquals(reloads, reloadHits, "reloads served by the record cache: " + db.stats());
        }
    }

    /** Deposits of 1 made by the race's commits 0..n-1, where commit i deposits into account i % accounts. */
    private static long depositsInto(int account, long commitsMade, int accounts) {
        return commitsMade / accounts + (account < commitsMade % accounts ? 1 : 0);
    }

    /**
     * A record put by a load on a snapshot that a commit of the same oid has just superseded, while
     * other threads look the oid up at newer revisions: the cache must keep serving each snapshot its
     * own version. A writer's commit i deposits 1 into account i % 8, so the balance of every account
     * at every revision is known; the writer keeps its accounts loaded, so only readers fill the
     * cache. Each reader round pins the newest revision p, waits until the writer commits p + 1,
     * which writes account k, then loads k on its now old snapshot and checks it, and in half the
     * rounds checks k again on a fresh connection at the newest revision (in the other half the
     * version p + 1 wrote stays uncached, so that the next round on account k misses and puts from
     * an old snapshot). In half the rounds a lookup at the newest revision first moves the cache's
     * change log past p; in the others the old snapshot's put races the other threads' lookups. The
     * writer commits only once a reader has pinned the newest revision, so every commit supersedes
     * a reader's snapshot. Bounded by counts: a fixed number of commits; readers stop when the
     * writer is done.
     */
    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void loadsOfOldSnapshotsRacingCommitsOfTheSameOidNeverServeTheWrongRevision(String kind) throws Exception {
        int commits = 600;
        int accounts = 8;
        int readerThreads = 3;
        try (Database db = open(kind)) {
            db.transact(c -> {
                for (int k = 0; k < accounts; k++) {
                    c.root().put("a" + k, new Account("a" + k, 0));
                }
            });
            long base = db.storage().lastRevision(); // revision base + n is the state after n commits
            AtomicBoolean writerDone = new AtomicBoolean();
            AtomicLong newestPinnedByAReader = new AtomicLong(-1);
            AtomicInteger readersRunning = new AtomicInteger(readerThreads);
            AtomicLong oldSnapshotLoads = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(readerThreads + 1);
            try {
                Future<?> writer = pool.submit(() -> {
                    // Its own connection keeps the accounts it writes loaded, so only readers put
                    // their versions into the record cache.
                    try (Connection w = db.open()) {
                        for (int i = 0; i < commits; i++) {
                            while (newestPinnedByAReader.get() < db.storage().lastRevision()
                                    && readersRunning.get() == readerThreads) {
                                Thread.yield();
                            }
                            int k = i % accounts;
                            Account account = (Account) w.root().get("a" + k);
                            assertEquals(depositsInto(k, w.revision() - base, accounts), account.balance(),
                                    "writer: account " + k + " at revision " + w.revision());
                            account.deposit(1);
                            w.commit();
                        }
                    } finally {
                        writerDone.set(true);
                    }
                    return null;
                });
                List<Future<?>> readers = new ArrayList<>();
                for (int r = 0; r < readerThreads; r++) {
                    Random order = new Random(r);
                    readers.add(pool.submit(() -> {
                        try {
                            while (!writerDone.get()) {
                                try (Connection old = db.open()) {
                                    old.root();                    // pins the newest revision p
                                    long p = old.revision();
                                    old.minimize();
                                    old.root().size();             // a lookup at p: the cache's log reaches p
                                    newestPinnedByAReader.accumulateAndGet(p, Math::max);
                                    while (db.storage().lastRevision() == p && !writerDone.get()) {
                                        Thread.yield();
                                    }
                                    int k = (int) ((p - base) % accounts); // commit p + 1 writes account k
                                    boolean moveTheLogFirst = order.nextBoolean();
                                    boolean checkTheNewest = order.nextBoolean();
                                    try (Connection fresh = db.open()) {
                                        fresh.root();              // pins the newest revision
                                        fresh.minimize();
                                        if (moveTheLogFirst) {
                                            fresh.root().size();   // a lookup at the newest revision
                                        }
                                        Account atP = (Account) old.root().get("a" + k);
                                        assertEquals(depositsInto(k, p - base, accounts), atP.balance(),
                                                "account " + k + " on the old snapshot " + p);
                                        if (p < db.storage().lastRevision()) {
                                            oldSnapshotLoads.incrementAndGet();
                                        }
                                        if (checkTheNewest) {
                                            Account now = (Account) fresh.root().get("a" + k);
                                            assertEquals(depositsInto(k, fresh.revision() - base, accounts),
                                                    now.balance(), "account " + k + " at revision "
                                                            + fresh.revision() + " after a load of it at " + p);
                                        }
                                    }
                                }
                            }
                        } finally {
                            readersRunning.decrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> reader : readers) {
                    reader.get();
                }
                writer.get();
                assertEquals(base + commits, db.storage().lastRevision());
                // Every commit superseded a pinned snapshot that was then read: the race ran each time.
                assertTrue(oldSnapshotLoads.get() >= commits, oldSnapshotLoads + " loads on superseded snapshots");
                System.out.printf("record cache race (%s): %d commits, %d loads on superseded snapshots, %s%n",
                        kind, commits, oldSnapshotLoads.get(), db.stats());
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
