package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jodb.storage.Record;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Snapshot;
import org.jodb.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interval rule on a real file: pinned snapshots keep reading exactly their revision, and once
 * they close the file returns to about the live data. Sizes scale with {@code -Djodb.reclaim.scale}.
 */
class FileStorageReclamationTest {
    private static final int SCALE = Integer.getInteger("jodb.reclaim.scale", 1);
    private static final FileStorageOptions FAST = FileStorageOptions.defaults().withSync(false);
    /** A leaf entry's oid (8), serial (8), kind (1) and body length (4), see {@link LeafEntry}. */
    private static final int LEAF_ENTRY_HEADER = 21;
    @TempDir
    Path dir;

    private record Pinned(Snapshot snapshot, Map<Long, byte[]> model) {
    }

    @Test
    void randomPinsAmongThousandsOfCommitsReadTheirRevisionAndAllIsReclaimedAfterwards() {
        Random random = new Random(42);
        int oids = 300;
        int commits = 3_000 * SCALE;
        Map<Long, byte[]> model = new HashMap<>();
        Map<Long, Long> serials = new HashMap<>();
        List<Pinned> pinned = new ArrayList<>();
        int opened = 0;
        try (FileStorage s = FileStorage.open(dir.resolve("random.jodb"), FAST)) {
            int t = s.typeId("t");
            for (int c = 1; c <= commits; c++) {
                List<RecordWrite> writes = new ArrayList<>();
                Map<Long, byte[]> changed = new HashMap<>();
                int n = 1 + random.nextInt(8);
                for (int i = 0; i < n; i++) {
                    long oid = 2 + random.nextInt(oids);
                    if (changed.containsKey(oid)) {
                        continue;
                    }
                    byte[] payload = new byte[random.nextInt(50) == 0 ? 5_000 + random.nextInt(9_000)
                            : 10 + random.nextInt(400)];
                    random.nextBytes(payload);
                    changed.put(oid, payload);
                    writes.add(new RecordWrite(oid, serials.getOrDefault(oid, 0L), t, new long[] {oid}, payload));
                }
                long revision = s.commit(writes);
                model.putAll(changed);
                changed.keySet().forEach(oid -> serials.put(oid, revision));

                if (random.nextInt(20) == 0 && pinned.size() < 12) {
                    pinned.add(new Pinned(s.openSnapshot(), new HashMap<>(model)));
                    opened++;
                }
                if (random.nextInt(80) == 0 && !pinned.isEmpty()) {
                    Pinned again = pinned.get(random.nextInt(pinned.size()));
                    pinned.add(new Pinned(s.openSnapshot(again.snapshot().revision()), again.model()));
                    opened++;
                }
                if (random.nextInt(22) == 0 && !pinned.isEmpty()) {
                    Pinned closing = pinned.remove(random.nextInt(pinned.size()));
                    checkAll(closing, oids);
                    closing.snapshot().close();
                }
                if (!pinned.isEmpty()) {
                    Pinned probe = pinned.get(random.nextInt(pinned.size()));
                    for (int i = 0; i < 3; i++) {
                        long oid = 2 + random.nextInt(oids);
                        check(probe, oid);
                    }
                }
                if (c % 500 == 0) {
                    s.verify();
                }
            }
            assertTrue(opened > 100, "snapshots opened: " + opened);
            for (Pinned p : pinned) {
                checkAll(p, oids);
                p.snapshot().close();
            }
            FileStorageStats stats = s.stats();
            assertEquals(0, stats.pendingPages());
            assertEquals(0, stats.openSnapshots());
            VerifyResult verified = s.verify();
            assertEquals(stats.pagesInUse(), verified.livePages());
            // Overflow extents take whole pages; leaves, split evenly, stay about half full: the
            // live revision needs its overflow pages, twice its leaf bytes in pages and a few pages
            // (2 meta pages, catalog, bookkeeping, branches).
            long leafBytes = 0;
            long overflowPages = 0;
            for (byte[] payload : model.values()) {
                int body = 8 + 8 + payload.length; // class id, reference count, one reference
                if (body <= LeafEntry.inlineLimit(stats.pageSize())) {
                    leafBytes += LEAF_ENTRY_HEADER + body;
                } else {
                    leafBytes += LEAF_ENTRY_HEADER + 16; // the extent's first page and revision
                    overflowPages += Page.spanFor(stats.pageSize(), body);
                }
            }
            long leafPages = (leafBytes + stats.pageSize() - Page.HEADER_SIZE - 1) / (stats.pageSize() - Page.HEADER_SIZE);
            long bound = overflowPages + 2 * leafPages + 8;
            assertTrue(stats.pagesInUse() <= bound, stats + " vs bound " + bound + " (" + overflowPages
                    + " overflow pages, " + leafPages + " pages of leaf entries)");
            System.out.printf("random reclamation: %d commits, %d snapshots; live %d pages (bound %d),"
                    + " %d free, file %d pages%n", commits, opened, stats.pagesInUse(), bound,
                    stats.freePages(), stats.pageCount());
        }
    }

    private static void check(Pinned pinned, long oid) {
        Record record = pinned.snapshot().load(oid);
        byte[] expected = pinned.model().get(oid);
        if (expected == null) {
            assertNull(record, "oid " + oid + " at revision " + pinned.snapshot().revision());
        } else {
            assertArrayEquals(expected, record.payload(), "oid " + oid + " at revision "
                    + pinned.snapshot().revision());
        }
    }

    private static void checkAll(Pinned pinned, int oids) {
        for (long oid = 2; oid < 2 + oids; oid++) {
            check(pinned, oid);
        }
    }

    /**
     * The LMDB workload, small: 1,000 records of 200 bytes, 10 updated per commit. LMDB grew
     * to 533 MiB after 10,000 commits with one reader held open; here the file holds the reader's
     * tree and the live one, and what one commit superseded.
     */
    @Test
    void oneReaderHeldFromTheStartDoesNotGrowTheFile() {
        Workload w = new Workload(dir.resolve("lmdb1.jodb"));
        Snapshot reader = w.storage.openSnapshot();
        long nanos = w.run(5_000 * SCALE, null);
        FileStorageStats stats = w.storage.stats();
        w.checkReader(reader, 1);
        reader.close();
        System.out.printf("one reader: %d commits, file %.2f MiB, %.1f us/commit (sync off), %s%n",
                5_000 * SCALE, stats.fileSize() / 1048576.0, nanos / 1e3 / (5_000 * SCALE), stats);
        // The reader's tree (at most the live data), the live tree, and what the last commit
        // superseded: a leaf per rewritten record, the root branch, the bookkeeping; plus a few pages.
        long live = stats.pagesInUse() * stats.pageSize();
        long pagesPerCommit = Workload.PER_COMMIT + 1 + 1;
        long bound = 2 * live + (pagesPerCommit + 4) * stats.pageSize();
        assertTrue(stats.fileSize() <= bound, stats + ", live bytes " + live + ", bound " + bound);
        w.storage.verify();
        w.storage.close();
    }

    @Test
    void fourReadersAtSpacedRevisionsHoldAboutTheirOwnTrees() {
        Workload w = new Workload(dir.resolve("lmdb4.jodb"));
        List<Snapshot> readers = new ArrayList<>();
        int commits = 5_000 * SCALE;
        w.run(commits, commit -> {
            if (commit % (commits / 4) == 0 && readers.size() < 4) {
                readers.add(w.storage.openSnapshot());
            }
        });
        FileStorageStats stats = w.storage.stats();
        for (Snapshot reader : readers) {
            w.storage.verify();
            reader.close();
        }
        long live = w.storage.stats().pagesInUse() * stats.pageSize();
        System.out.printf("4 readers: file %.2f MiB, live %.2f MiB, ratio %.2f (bound 6), %s%n",
                stats.fileSize() / 1048576.0, live / 1048576.0, (double) stats.fileSize() / live, stats);
        assertTrue(stats.fileSize() < (readers.size() + 2) * live, stats + ", live bytes " + live);
        w.storage.close();
    }

    /** 1,000 records of 200 bytes; each commit rewrites 10 random ones with their new version. */
    private static final class Workload {
        static final int PER_COMMIT = 10;
        final FileStorage storage;
        final int type;
        final long[] serials = new long[1_000];
        final Random random = new Random(7);

        Workload(Path file) {
            storage = FileStorage.open(file, FAST);
            type = storage.typeId("r");
            List<RecordWrite> load = new ArrayList<>();
            for (int i = 0; i < serials.length; i++) {
                load.add(new RecordWrite(storage.newOid(), 0, type, new long[0], payload(i, 1)));
            }
            long revision = storage.commit(load);
            java.util.Arrays.fill(serials, revision);
        }

        static byte[] payload(int index, long revision) {
            byte[] bytes = new byte[200];
            new Random(index * 1_000_003L + revision).nextBytes(bytes);
            return bytes;
        }

        long run(int commits, java.util.function.IntConsumer afterCommit) {
            long start = System.nanoTime();
            for (int c = 1; c <= commits; c++) {
                List<RecordWrite> writes = new ArrayList<>();
                java.util.Set<Integer> picked = new java.util.HashSet<>();
                while (picked.size() < PER_COMMIT) {
                    picked.add(random.nextInt(serials.length));
                }
                long next = storage.lastRevision() + 1;
                for (int i : picked) {
                    writes.add(new RecordWrite(Storage.FIRST_OID + i, serials[i], type, new long[0], payload(i, next)));
                }
                storage.commit(writes);
                for (int i : picked) {
                    serials[i] = next;
                }
                if (afterCommit != null) {
                    afterCommit.accept(c);
                }
            }
            return System.nanoTime() - start;
        }

        void checkReader(Snapshot reader, long revision) {
            for (int i = 0; i < serials.length; i++) {
                assertArrayEquals(payload(i, revision), reader.load(Storage.FIRST_OID + i).payload());
            }
        }
    }
}
