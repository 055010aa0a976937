package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jodb.JodbException;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Snapshot;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupt during channel I/O closes the channel and drops the file lock; the storage must
 * reopen it, keep the lock and keep serving every other thread.
 */
class FileStorageInterruptTest {
    // No node cache, so every load reads the file and can be interrupted.
    private static final FileStorageOptions UNCACHED =
            FileStorageOptions.defaults().withSync(false).withNodeCacheBytes(0);
    private static final int RECORDS = 200;

    @TempDir
    Path dir;

    private static byte[] payload(long oid, long version) {
        return (oid + "@" + version).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void fill(FileStorage s) {
        int type = s.typeId("t");
        List<RecordWrite> writes = new ArrayList<>();
        for (long oid = 2; oid < 2 + RECORDS; oid++) {
            writes.add(new RecordWrite(oid, 0, type, new long[0], payload(oid, 0)));
        }
        s.commit(writes);
    }

    @RepeatedTest(5) // the race between a close and the reopen differs from run to run
    void interruptedReaderDoesNotBreakOtherReadersOrTheLock() throws Exception {
        Path file = dir.resolve("interrupt.jodb");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (FileStorage s = FileStorage.open(file, UNCACHED)) {
            fill(s);
            Future<Integer> interrupted = pool.submit(() -> {
                int stillInterrupted = 0;
                try (Snapshot snap = s.openSnapshot()) {
                    for (int i = 0; i < 500; i++) {
                        long oid = 2 + i % RECORDS;
                        // A set interrupt status makes the next channel read close the channel.
                        Thread.currentThread().interrupt();
                        assertArrayEquals(payload(oid, 0), snap.load(oid).payload());
                        if (Thread.interrupted()) {
                            stillInterrupted++;
                        }
                    }
                }
                return stillInterrupted;
            });
            List<Future<?>> others = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                others.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        try (Snapshot snap = s.openSnapshot()) {
                            long oid = 2 + i % RECORDS;
                            assertArrayEquals(payload(oid, 0), snap.load(oid).payload());
                        }
                    }
                    return null;
                }));
            }
            assertEquals(500, interrupted.get(30, TimeUnit.SECONDS), "the caller still sees its interrupt");
            for (Future<?> other : others) {
                other.get(30, TimeUnit.SECONDS);
            }
            // The lock was re-acquired: a second opener is still refused.
            assertThrows(JodbException.class, () -> FileStorage.open(file, UNCACHED));
            s.verify();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void interruptedCommitterStillCommitsDurably() {
        Path file = dir.resolve("commit.jodb");
        try (FileStorage s = FileStorage.open(file, UNCACHED.withSync(true))) {
            fill(s);
            Thread.currentThread().interrupt();
            long revision;
            try {
                revision = s.commit(List.of(new RecordWrite(2, 1, 1, new long[0], payload(2, 1))));
            } finally {
                assertTrue(Thread.interrupted(), "the interrupt status is restored");
            }
            assertEquals(2, revision);
            s.verify();
        }
        try (FileStorage s = FileStorage.open(file, UNCACHED); Snapshot snap = s.openSnapshot()) {
            assertArrayEquals(payload(2, 1), snap.load(2).payload());
            assertArrayEquals(payload(3, 0), snap.load(3).payload());
        }
    }
}
