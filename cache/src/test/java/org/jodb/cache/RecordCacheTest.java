package org.jodb.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
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
}
