package org.jodb.storage;

import static org.jodb.storage.StorageContractTest.text;
import static org.jodb.storage.StorageContractTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.jodb.ConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Commits, snapshots and oid allocation from several threads, run against each {@link Storage} by a
 * subclass that says how to create one. Real threads, no sleeps: coordination by barriers and by
 * results only.
 */
@Timeout(60)
public abstract class StorageConcurrencyContractTest {
    private static final int THREADS = 4;
    /** Shared by every thread; the root oid, so that {@code newOid()} never hands it out. */
    private static final long SHARED = Storage.ROOT_OID;

    private Storage storage;
    private int type;
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    /** A fresh, empty storage keeping only the newest revision openable without a pin. */
    protected abstract Storage create();

    /** See {@link StorageContractTest#supersededHeld}. */
    protected abstract long supersededHeld(StorageStats stats);

    @BeforeEach
    void open() {
        storage = create();
        type = storage.typeId("test.Counter");
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        storage.close();
    }

    private <T> List<T> runAll(Callable<T> task) throws Exception {
        List<Future<T>> futures = pool.invokeAll(Collections.nCopies(THREADS, task));
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    private static long value(Record record) {
        return record == null ? 0 : Long.parseLong(text(record));
    }

    private RecordWrite increment(Snapshot snapshot, long oid) {
        Record current = snapshot.load(oid);
        long base = current == null ? 0 : current.serial();
        return write(oid, base, type, Long.toString(value(current) + 1));
    }

    private void assertDense(List<Long> revisions) {
        List<Long> sorted = new ArrayList<>(revisions);
        Collections.sort(sorted);
        assertEquals(LongStream.rangeClosed(1, storage.lastRevision()).boxed().toList(), sorted,
                "every revision was returned to exactly one successful commit");
    }

    @Test
    void oidAllocationIsUniqueUnderFourThreads() throws Exception {
        List<List<Long>> perThread = runAll(() -> {
            List<Long> oids = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                oids.add(storage.newOid());
            }
            return oids;
        });
        Set<Long> all = new HashSet<>();
        perThread.forEach(all::addAll);
        assertEquals(40_000, all.size());
        assertEquals(LongStream.range(Storage.FIRST_OID, Storage.FIRST_OID + 40_000)
                .boxed().collect(java.util.stream.Collectors.toSet()), all);
    }

    @Test
    void commitsOnDisjointOidsNeverConflictAndAllBecomeVisible() throws Exception {
        List<List<Long>> perThread = runAll(() -> {
            long oid = storage.newOid();
            List<Long> revisions = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                try (Snapshot s = storage.openSnapshot()) {
                    revisions.add(storage.commit(List.of(increment(s, oid))));
                }
            }
            return revisions;
        });
        List<Long> revisions = new ArrayList<>();
        perThread.forEach(revisions::addAll);
        assertDense(revisions);
        try (Snapshot s = storage.openSnapshot()) {
            for (long oid = Storage.FIRST_OID; oid < Storage.FIRST_OID + THREADS; oid++) {
                assertEquals(1_000, value(s.load(oid)));
            }
        }
        assertEquals(0, supersededHeld(storage.stats()), "no reader pins old versions");
    }

    @Test
    void inLockstepRoundsExactlyOneCommitWinsAndOthersConflictOnTheSharedOid() throws Exception {
        storage.commit(List.of(write(SHARED, 0, type, "0")));
        int rounds = 200;
        CyclicBarrier barrier = new CyclicBarrier(THREADS);
        List<int[]> outcomes = runAll(() -> {
            long own = storage.newOid();
            int[] wonPerRound = new int[rounds];
            for (int round = 0; round < rounds; round++) {
                try (Snapshot s = storage.openSnapshot()) {
                    List<RecordWrite> writes = List.of(increment(s, own), increment(s, SHARED));
                    barrier.await(30, TimeUnit.SECONDS); // everyone has read the same revision
                    try {
                        storage.commit(writes);
                        wonPerRound[round] = 1;
                    } catch (ConflictException e) {
                        assertEquals(SHARED, e.oid(), "only the shared oid overlaps");
                    }
                    barrier.await(30, TimeUnit.SECONDS); // the round's commits are done before anyone reads again
                }
            }
            return wonPerRound;
        });
        for (int round = 0; round < rounds; round++) {
            int winners = 0;
            for (int[] won : outcomes) {
                winners += won[round];
            }
            assertEquals(1, winners, "round " + round);
        }
        assertEquals(1 + rounds, storage.lastRevision());
        try (Snapshot s = storage.openSnapshot()) {
            assertEquals(rounds, value(s.load(SHARED)));
        }
    }

    @Test
    void retriedCommitsOnOverlappingOidsLoseNoUpdateAndNumberRevisionsDensely() throws Exception {
        List<List<Long>> perThread = runAll(() -> {
            long own = storage.newOid();
            List<Long> revisions = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                while (true) {
                    try (Snapshot s = storage.openSnapshot()) {
                        revisions.add(storage.commit(List.of(increment(s, SHARED), increment(s, own))));
                        break;
                    } catch (ConflictException e) {
                        assertEquals(SHARED, e.oid(), "only the shared oid overlaps");
                    }
                }
            }
            return revisions;
        });
        List<Long> revisions = new ArrayList<>();
        perThread.forEach(revisions::addAll);
        assertDense(revisions);
        try (Snapshot s = storage.openSnapshot()) {
            assertEquals(THREADS * 500, value(s.load(SHARED)));
            for (long oid = Storage.FIRST_OID; oid < Storage.FIRST_OID + THREADS; oid++) {
                assertEquals(500, value(s.load(oid)));
            }
        }
    }

    @Test
    void readersNeverSeePartOfACommit() throws Exception {
        int objects = 10;
        AtomicBoolean writing = new AtomicBoolean(true);
        Future<?> writer = pool.submit(() -> {
            try {
                for (int rev = 1; rev <= 3_000; rev++) {
                    List<RecordWrite> writes = new ArrayList<>();
                    for (long oid = 2; oid < 2 + objects; oid++) {
                        writes.add(write(oid, rev - 1, type, Integer.toString(rev)));
                    }
                    storage.commit(writes);
                }
            } finally {
                writing.set(false);
            }
        });
        List<Future<Integer>> readers = new ArrayList<>();
        for (int r = 0; r < THREADS - 1; r++) {
            readers.add(pool.submit(() -> {
                int checked = 0;
                while (writing.get() || checked == 0) {
                    try (Snapshot s = storage.openSnapshot()) {
                        for (long oid = 2; oid < 2 + objects; oid++) {
                            Record record = s.load(oid);
                            long expected = s.revision();
                            assertEquals(expected, record == null ? 0 : value(record),
                                    "oid " + oid + " at revision " + s.revision());
                        }
                        checked++;
                    }
                }
                return checked;
            }));
        }
        writer.get();
        for (Future<Integer> reader : readers) {
            assertTrue(reader.get() > 0);
        }
        assertEquals(0, supersededHeld(storage.stats()), "all readers closed: only current versions");
    }
}
