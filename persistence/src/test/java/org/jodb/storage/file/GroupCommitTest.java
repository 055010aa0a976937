package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jodb.ConflictException;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One sync per commit, shared by concurrent committers (the power-cut side: {@code PowerCutTest}). */
class GroupCommitTest {
    private static final int THREADS = 8;
    private static final int COMMITS = 40;

    @TempDir
    Path dir;

    @Test
    void aLoneCommitSyncsOnce() {
        try (FileStorage storage = FileStorage.open(dir.resolve("one.jodb"))) {
            int type = storage.typeId("t");
            long before = storage.stats().forces();
            for (int serial = 0; serial < 10; serial++) {
                storage.commit(List.of(new RecordWrite(2, serial, type, new long[0], new byte[] {(byte) serial})));
            }
            assertEquals(10, storage.stats().forces() - before);
        }
    }

    @Test
    void concurrentCommittersShareSyncsAndEachReturnsItsOwnDurableRevision() throws Exception {
        Path file = dir.resolve("group.jodb");
        Set<Long> revisions = ConcurrentHashMap.newKeySet();
        long forces;
        try (FileStorage storage = FileStorage.open(file)) {
            int type = storage.typeId("t");
            long before = storage.stats().forces();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long oid = storage.newOid();
                done.add(pool.submit(() -> {
                    start.await();
                    long serial = 0;
                    for (int i = 0; i < COMMITS; i++) {
                        long revision = storage.commit(List.of(new RecordWrite(oid, serial, type, new long[0],
                                new byte[] {(byte) i})));
                        assertTrue(storage.lastRevision() >= revision, "returned before its revision was published");
                        try (Snapshot snapshot = storage.openSnapshot()) { // only this thread writes oid
                            assertEquals(revision, snapshot.load(oid).serial());
                            assertEquals((byte) i, snapshot.load(oid).payload()[0]);
                        }
                        revisions.add(revision);
                        serial = revision;
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
            pool.shutdown();
            forces = storage.stats().forces() - before;
            storage.verify();
        }
        assertEquals(THREADS * COMMITS, revisions.size(), "every commit its own revision");
        assertTrue(forces < THREADS * COMMITS, "no two commits shared a sync: " + forces + " syncs");
        try (FileStorage reopened = FileStorage.open(file)) {
            assertEquals(THREADS * COMMITS, reopened.lastRevision());
            reopened.verify();
        }
        System.out.printf("[group-commit] %d threads x %d commits: %d syncs (%.1f commits per sync)%n", THREADS,
                COMMITS, forces, (double) THREADS * COMMITS / forces);
    }

    /**
     * A commit refused because of a revision that was still waiting for its sync throws only once
     * that revision is durable, so a retry that reads the newest revision sees it.
     */
    @Test
    void aConflictIsReportedWhenTheConflictingRevisionIsReadable() throws Exception {
        try (FileStorage storage = FileStorage.open(dir.resolve("conflict.jodb"))) {
            int type = storage.typeId("t");
            storage.commit(List.of(new RecordWrite(2, 0, type, new long[0], new byte[] {0})));
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        long base;
                        try (Snapshot snapshot = storage.openSnapshot()) {
                            base = snapshot.load(2).serial();
                        }
                        try {
                            storage.commit(List.of(new RecordWrite(2, base, type, new long[0], new byte[] {1})));
                        } catch (ConflictException e) {
                            try (Snapshot snapshot = storage.openSnapshot()) {
                                assertTrue(snapshot.load(2).serial() > base,
                                        "refused, but the newest readable revision does not show why");
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            pool.shutdown();
            storage.verify();
        }
    }

    @Test
    void aCommitAfterCloseIsRefused() {
        FileStorage storage = FileStorage.open(dir.resolve("closed.jodb"));
        storage.close();
        assertThrows(IllegalStateException.class, () -> storage.commit(List.of()));
    }
}
