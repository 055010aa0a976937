package org.jodb.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The record cache against a model storage: every answer it gives for (oid, revision) is the
 * record with the newest serial at or below that revision, whatever the order of reads and writes.
 */
class RecordCacheTest {

    /** A record of the model: which oid, written by which revision. */
    record Rec(long oid, long serial) {}

    /** A versioned store with a change log, the truth the cache is checked against. */
    static final class Model implements RevisionLog {
        final List<TreeMap<Long, Rec>> versions = new ArrayList<>();
        final List<long[]> log = new ArrayList<>();   // index = revision - 1
        int logReach = Integer.MAX_VALUE;              // how many newest revisions the log keeps

        Model(int oids) {
            for (int i = 0; i < oids; i++) {
                versions.add(new TreeMap<>());
            }
        }

        long commit(long... oids) {
            long revision = log.size() + 1;
            log.add(oids);
            for (long oid : oids) {
                versions.get((int) oid).put(revision, new Rec(oid, revision));
            }
            return revision;
        }

        Rec load(long oid, long revision) {
            var entry = versions.get((int) oid).floorEntry(revision);
            return entry == null ? null : entry.getValue();
        }

        @Override
        public long lastRevision() {
            return log.size();
        }

        @Override
        public long changesAfter(long after, ChangeSink sink) {
            if (log.size() - after > logReach) {
                return -1;
            }
            for (long revision = after + 1; revision <= log.size(); revision++) {
                for (long oid : log.get((int) revision - 1)) {
                    sink.changed(revision, oid);
                }
            }
            return log.size();
        }
    }

    @Test
    void aReaderOnAnOldSnapshotAndOneOnANewSnapshotEachGetTheirOwnRecord() {
        Model model = new Model(1);
        long r1 = model.commit(0);
        RecordCache<Rec> cache = new RecordCache<>(1 << 20, model, Rec::serial, r -> 100);
        cache.put(0, model.load(0, r1), r1);
        long r2 = model.commit(0);
        assertNull(cache.get(0, r2));                     // r1's record is superseded at r2
        cache.put(0, model.load(0, r2), r2);
        assertEquals(r2, cache.get(0, r2).serial());
        assertEquals(r1, cache.get(0, r1).serial());      // the old reader still gets its record
        long r3 = model.commit(0);
        assertEquals(r2, cache.get(0, r2).serial());
        assertNull(cache.get(0, r3));
    }

    @Test
    void randomReadsAndWritesNeverGetAWrongRevision() {
        for (int logReach : new int[] {Integer.MAX_VALUE, 3}) {
            Random random = new Random(42 + logReach);
            Model model = new Model(20);
            for (int oid = 0; oid < 20; oid++) {
                model.commit(oid);
            }
            RecordCache<Rec> cache = new RecordCache<>(2_000, model, Rec::serial, r -> 50);
            model.logReach = logReach;
            int hits = 0;
            for (int step = 0; step < 20_000; step++) {
                if (random.nextInt(10) == 0) {
                    model.commit(random.nextInt(20), random.nextInt(20));
                }
                long last = model.lastRevision();
                long revision = Math.max(1, last - random.nextInt(8));
                long oid = random.nextInt(20);
                Rec truth = model.load(oid, revision);
                Rec cached = cache.get(oid, revision);
                if (cached != null) {
                    assertEquals(truth, cached, "oid " + oid + " at " + revision);
                    hits++;
                } else if (truth != null) {
                    cache.put(oid, truth, revision);
                }
            }
            assertTrue(hits > 5_000, "hits " + hits);
        }
    }

    /** The model shared by threads: commits publish their log entry and records atomically. */
    static final class SharedModel implements RevisionLog {
        private final Model model;

        SharedModel(Model model) {
            this.model = model;
        }

        synchronized long commit(long oid) {
            return model.commit(oid);
        }

        synchronized Rec load(long oid, long revision) {
            return model.load(oid, revision);
        }

        @Override
        public synchronized long lastRevision() {
            return model.lastRevision();
        }

        @Override
        public synchronized long changesAfter(long after, ChangeSink sink) {
            return model.changesAfter(after, sink);
        }
    }

    /**
     * A put from a load at a snapshot that a concurrent commit of the same oid is superseding, while
     * other threads' lookups apply the change log: on real threads, a writer commits one of 4 oids
     * per revision and readers look up oids at the newest revision or up to two behind it (half
     * the time the oid the next commit writes), putting what they load on a miss. Every hit must be
     * the model's record for that revision. Bounded: 60,000 commits, in lockstep with about two lookups each; readers stop when the
     * writer is done.
     */
    @Test
    void putsRacingCommitsAndLogApplicationsOnOtherThreadsNeverGetAWrongRevision() throws Exception {
        int oids = 4;
        int commits = 60_000;
        int readerThreads = 3;
        Model model = new Model(oids);
        for (int oid = 0; oid < oids; oid++) {
            model.commit(oid);
        }
        SharedModel shared = new SharedModel(model);
        RecordCache<Rec> cache = new RecordCache<>(1 << 20, shared, Rec::serial, r -> 50);
        AtomicBoolean writerDone = new AtomicBoolean();
        AtomicLong hits = new AtomicLong();
        AtomicLong puts = new AtomicLong();
        AtomicInteger readersRunning = new AtomicInteger(readerThreads);
        AtomicLong committed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(readerThreads + 1);
        try {
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int i = 0; i < commits; i++) {
                        // Lockstep with the readers (about two lookups per commit), so that the
                        // threads overlap however they are scheduled.
                        while (hits.get() + puts.get() < 2L * i && readersRunning.get() == readerThreads) {
                            Thread.yield();
                        }
                        shared.commit(i % oids);
                        committed.incrementAndGet();
                    }
                } finally {
                    writerDone.set(true);
                }
            });
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < readerThreads; r++) {
                Random random = new Random(r);
                readers.add(pool.submit(() -> {
                    try {
                        while (!writerDone.get()) {
                            if (hits.get() + puts.get() >= 2L * (committed.get() + 1)) {
                                Thread.yield(); // ahead of the writer
                                continue;
                            }
                            long last = shared.lastRevision();
                            // Mostly the newest revision and the oid the next commit writes: a put
                            // there is the one a racing commit and log application can make stale.
                            long revision = random.nextBoolean() ? last : Math.max(1, last - 1 - random.nextInt(2));
                            long oid = random.nextBoolean() ? last % oids : random.nextInt(oids);
                            Rec cached = cache.get(oid, revision);
                            if (cached != null) {
                                assertEquals(shared.load(oid, revision), cached, "oid " + oid + " at " + revision);
                                hits.incrementAndGet();
                            } else {
                                cache.put(oid, shared.load(oid, revision), revision);
                                puts.incrementAndGet();
                            }
                        }
                    } finally {
                        readersRunning.decrementAndGet();
                    }
                    return null;
                }));
            }
            writer.get();
            for (Future<?> reader : readers) {
                reader.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("record cache put race: %d commits, %d hits, %d puts%n", commits, hits.get(), puts.get());
        // The writer waited for two lookups per commit, so the threads ran side by side.
        assertTrue(hits.get() + puts.get() >= 2L * (commits - 1) && hits.get() > 0 && puts.get() > 0,
                hits + " hits, " + puts + " puts");
    }
}
