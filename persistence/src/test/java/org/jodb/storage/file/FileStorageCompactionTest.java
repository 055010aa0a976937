package org.jodb.storage.file;

import static org.jodb.storage.file.FileStorageGcTest.FAST;
import static org.jodb.storage.file.FileStorageGcTest.fill;
import static org.jodb.storage.file.FileStorageGcTest.payload;
import static org.jodb.storage.file.FileStorageGcTest.setRoot;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jodb.storage.CompactionResult;
import org.jodb.storage.Snapshot;
import org.jodb.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FileStorage#compact()}: the file shrinks after GC, readers keep their revisions. */
class FileStorageCompactionTest {
    private static final int COUNT = 6_000;
    @TempDir
    Path dir;

    /**
     * Fills the storage and keeps every tenth object (none of the large ones) plus the last 300
     * (the end of the file).
     */
    private static TreeSet<Long> fillAndDrop(FileStorage s) {
        TreeSet<Long> all = new TreeSet<>();
        for (long oid = Storage.FIRST_OID; oid < Storage.FIRST_OID + COUNT; oid++) {
            all.add(oid);
        }
        int type = fill(s, COUNT, all);
        TreeSet<Long> kept = new TreeSet<>();
        for (long oid : all) {
            if (oid % 10 == 3 || oid >= Storage.FIRST_OID + COUNT - 300) {
                kept.add(oid);
            }
        }
        setRoot(s, type, kept, s.lastRevision());
        return kept;
    }

    private static void assertHolds(Snapshot snap, TreeSet<Long> kept) {
        for (long oid = Storage.FIRST_OID; oid < Storage.FIRST_OID + COUNT; oid++) {
            if (kept.contains(oid)) {
                assertArrayEquals(payload(oid), snap.load(oid).payload(), "oid " + oid);
            } else {
                assertNull(snap.load(oid), "oid " + oid);
            }
        }
    }

    @Test
    void afterGcTheFileShrinksAndDataStaysIntact() throws IOException {
        Path path = dir.resolve("compact.jodb");
        TreeSet<Long> kept;
        long full;
        long compacted;
        try (FileStorage s = FileStorage.open(path, FAST)) {
            kept = fillAndDrop(s);
            s.collectGarbage();
            full = Files.size(path);
            CompactionResult result = s.compact();
            compacted = Files.size(path);
            assertEquals(compacted, result.bytesAfter());
            assertTrue(result.pagesMoved() > 0, result.toString());
            assertTrue(compacted * 3 < full, "file " + full + " -> " + compacted + " bytes: " + result);
            s.verify();
            try (Snapshot snap = s.openSnapshot()) {
                assertHolds(snap, kept);
            }
            System.out.printf("compaction after GC: %,d -> %,d bytes, %s%n", full, compacted, result);
        }
        try (FileStorage s = FileStorage.open(path, FAST); Snapshot snap = s.openSnapshot()) {
            assertHolds(snap, kept);
            s.verify();
        }
    }

    @Test
    void readersPinnedBeforeKeepReadingTheirRevisionExactlyDuringAndAfterCompaction() throws Exception {
        Path path = dir.resolve("pinned.jodb");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (FileStorage s = FileStorage.open(path, FAST.withNodeCacheBytes(0))) {
            TreeSet<Long> all = new TreeSet<>();
            for (long oid = Storage.FIRST_OID; oid < Storage.FIRST_OID + COUNT; oid++) {
                all.add(oid);
            }
            TreeSet<Long> kept;
            try (Snapshot old = s.openSnapshot()) {
                kept = fillAndDrop(s);
                Snapshot beforeGc = s.openSnapshot(); // a revision that still sees every object
                s.collectGarbage();
                AtomicBoolean stop = new AtomicBoolean();
                Future<Integer> reader = pool.submit(() -> {
                    int rounds = 0;
                    while (!stop.get() || rounds == 0) {
                        TreeSet<Long> everything = new TreeSet<>(all);
                        assertHolds(beforeGc, everything);
                        rounds++;
                    }
                    return rounds;
                });
                CompactionResult result = s.compact();
                stop.set(true);
                assertTrue(reader.get(60, TimeUnit.SECONDS) > 0);
                assertHolds(beforeGc, all);
                assertNull(old.load(Storage.FIRST_OID), "revision 0 had no objects");
                s.verify();
                long pinnedSize = Files.size(path);
                beforeGc.close();
                old.close();
                CompactionResult unpinned = s.compact();
                assertTrue(unpinned.bytesAfter() * 2 < pinnedSize,
                        "after the readers closed: " + pinnedSize + " -> " + unpinned + " (first " + result + ")");
            }
            s.verify();
            try (Snapshot snap = s.openSnapshot()) {
                assertHolds(snap, kept);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void compactOnOpen() throws IOException {
        Path path = dir.resolve("on-open.jodb");
        TreeSet<Long> kept;
        try (FileStorage s = FileStorage.open(path, FAST)) {
            kept = fillAndDrop(s);
            s.collectGarbage();
        }
        long before = Files.size(path);
        try (FileStorage s = FileStorage.open(path, FAST.compactOnOpen(true))) {
            assertTrue(Files.size(path) * 3 < before, before + " -> " + Files.size(path));
            s.verify();
            try (Snapshot snap = s.openSnapshot()) {
                assertHolds(snap, kept);
            }
        }
    }
}
