package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jodb.JodbException;
import org.jodb.storage.Record;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Snapshot;
import org.jodb.storage.Storage;
import org.junit.jupiter.api.Test;

/**
 * A file that ends before the page count of the meta page it opens at opens if only pages free in
 * that revision are missing, and is refused as truncated if a page in use is.
 *
 * <p>The case that matters: the newest meta page damaged after its commit completed (bit rot; the
 * SIGKILL tests damage it this way to stand in for a torn write) falls back to the previous
 * revision, also when that last commit cut free pages off the end of the file. A compaction cuts
 * them, and so does an ordinary commit that gives back a page it took from the free run ending the
 * file ({@code CommitBatch.discard}); the previous revision's meta page then names more pages than
 * the file has, but the commit wrote and cut only pages free in that revision. Opening used to
 * refuse such a file as truncated: the rare failure of {@code TornMetaAfterSigkillTest}, whenever
 * its last commit before the damage happened to cut the file.
 */
class FileEndBeforePageCountTest {
    private static final Path NAME = Path.of("file-end.jodb");
    private static final int PAGE_SIZE = 1024;
    private static final FileStorageOptions OPTIONS = FileStorageOptions.defaults().withPageSize(PAGE_SIZE);
    /** Retained revisions keep superseded pages pending for longer, so commits free and cut less. */
    private static final FileStorageOptions RETAINING = OPTIONS.keepRevisions(3);
    private static final int OBJECTS = 40;
    /** Every this many steps, a compaction instead of a commit. */
    private static final int COMPACT_EVERY = 12;

    /** Commits of mixed record sizes on {@link #OBJECTS} objects, and compactions; tracks the records. */
    private static final class Workload {
        final MemoryFile file = new MemoryFile();
        final FileStorage storage;
        final SplittableRandom random = new SplittableRandom(7);
        final int type;
        Map<Long, Record> records = new HashMap<>();
        int step;

        Workload(FileStorageOptions options) {
            storage = FileStorage.open(new MemoryDirectory(NAME, file), options);
            type = storage.typeId("t");
        }

        /** Commits (or compacts, every {@link #COMPACT_EVERY} steps); true if it compacted. */
        boolean step() {
            step++;
            if (step % COMPACT_EVERY == 0) {
                storage.compact();
                return true;
            }
            List<RecordWrite> writes = new ArrayList<>();
            for (long oid = Storage.FIRST_OID; oid < Storage.FIRST_OID + OBJECTS; oid++) {
                // Never an empty commit: each step makes a revision.
                if (step == 1 || oid % OBJECTS == step % OBJECTS || random.nextInt(OBJECTS) < 3) {
                    Record old = records.get(oid);
                    writes.add(new RecordWrite(oid, old == null ? 0 : old.serial(), type, new long[0], payload()));
                }
            }
            long revision = storage.commit(writes);
            records = new HashMap<>(records);
            for (RecordWrite write : writes) {
                records.put(write.oid(), new Record(write.oid(), revision, type, write.references(), write.payload()));
            }
            return false;
        }

        /** 60% inline, 30% a small overflow extent, 10% up to 40 pages. */
        private byte[] payload() {
            int kind = random.nextInt(10);
            int length = kind < 6 ? random.nextInt(10, 200) : kind < 9 ? random.nextInt(230, 2_000)
                    : random.nextInt(5_000, 40_000);
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            return bytes;
        }
    }

    @Test
    void damagedNewestMetaPageFallsBackExactlyAfterEveryCommitAndCompaction() {
        damagedNewestMetaPageFallsBackExactly(OPTIONS);
    }

    @Test
    void damagedNewestMetaPageFallsBackExactlyWithRetainedRevisions() {
        damagedNewestMetaPageFallsBackExactly(RETAINING);
    }

    private static void damagedNewestMetaPageFallsBackExactly(FileStorageOptions options) {
        int cutByCommits = 0;
        int cutByCompactions = 0;
        Workload workload = new Workload(options);
        try (FileStorage storage = workload.storage) {
            for (int step = 0; step < 20 * COMPACT_EVERY; step++) {
                Map<Long, Record> before = workload.records;
                int length = workload.file.length();
                boolean compacted = workload.step();
                if (workload.file.length() < length) {
                    if (compacted) {
                        cutByCompactions++;
                    } else {
                        cutByCommits++;
                    }
                }
                long newest = storage.lastRevision();
                MemoryFile image = workload.file.copy();
                int slot = (int) (newest % 2) * PAGE_SIZE;
                image.write(slot + 4, new byte[512 - 4], 0, 512 - 4); // its checksum no longer holds
                // A compaction's passes all hold the records it started with.
                assertOpensExactly(image, options, newest - 1, compacted ? workload.records : before);
            }
        }
        assertTrue(cutByCommits > 0 && cutByCompactions > 0, "the workload must cut the file both ways:"
                + " by commits " + cutByCommits + ", by compactions " + cutByCompactions);
    }

    /**
     * The newest revision's file cut shorter page by page: it opens at that revision, exactly, while
     * only free pages are missing; once a page the newest commit wrote is missing, at the previous
     * revision, exactly (what a power cut before that commit's sync leaves), while its pages are
     * there; and it is refused as truncated, untouched, from the first page it uses on.
     */
    @Test
    void aFileCutInsideItsFreeTailOpensAndOneCutIntoPagesInUseIsRefused() {
        Workload workload = new Workload(OPTIONS);
        long newest;
        Map<Long, Record> previous;
        try (FileStorage storage = workload.storage) {
            // Until a commit leaves free pages at the end (pages it superseded, its previous bookkeeping).
            do {
                assertTrue(workload.step < 20 * COMPACT_EVERY, "no commit left free pages at the end");
                previous = workload.records;
                previous = workload.step() ? workload.records : previous; // a compaction keeps the records
            } while (opensCut(workload.file, 1) != storage.lastRevision());
            newest = storage.lastRevision();
        }
        int pages = workload.file.length() / PAGE_SIZE;
        int opened = 0;
        int fellBack = 0;
        boolean refused = false;
        for (int end = pages; end >= 2; end--) {
            MemoryFile image = workload.file.copy();
            image.resize((long) end * PAGE_SIZE);
            if (refused) {
                assertRefusedUntouched(image);
                continue;
            }
            MemoryFile untouched = image.copy();
            long revision;
            try (FileStorage storage = FileStorage.open(new MemoryDirectory(NAME, image.copy()), OPTIONS)) {
                revision = storage.lastRevision();
            } catch (JodbException e) {
                assertTrue(e.getMessage().contains("is truncated"), e.getMessage());
                assertArrayEquals(bytes(untouched), bytes(image), "the file is untouched");
                refused = true;
                continue;
            }
            if (revision == newest && fellBack == 0) {
                assertOpensExactly(image, OPTIONS, newest, workload.records);
                opened++;
            } else {
                assertOpensExactly(image, OPTIONS, newest - 1, previous);
                fellBack++;
            }
        }
        assertTrue(opened > 1 && refused, "cut by " + (opened - 1) + " free pages and opened, fell back "
                + fellBack + " times, refused: " + refused);
    }

    /** Opens {@code image} and checks that it holds revision {@code revision} with exactly {@code records}. */
    private static void assertOpensExactly(MemoryFile image, FileStorageOptions options, long revision,
            Map<Long, Record> records) {
        try (FileStorage storage = FileStorage.open(new MemoryDirectory(NAME, image), options);
                Snapshot snapshot = storage.openSnapshot()) {
            assertEquals(revision, storage.lastRevision());
            VerifyResult verified = storage.verify();
            assertTrue(verified.pageCount() * PAGE_SIZE <= image.length(),
                    "the page count within the file: " + verified);
            assertNull(RevisionContent.difference(records, records.keySet(), snapshot));
        }
    }

    /** The revision {@code file} without its last {@code pages} pages opens at, -1 if it does not open. */
    private static long opensCut(MemoryFile file, int pages) {
        MemoryFile image = file.copy();
        image.resize(image.length() - (long) pages * PAGE_SIZE);
        try (FileStorage storage = FileStorage.open(new MemoryDirectory(NAME, image), OPTIONS)) {
            return storage.lastRevision();
        } catch (JodbException e) {
            return -1;
        }
    }

    private static void assertRefusedUntouched(MemoryFile image) {
        byte[] before = bytes(image);
        JodbException e = assertThrows(JodbException.class,
                () -> FileStorage.open(new MemoryDirectory(NAME, image), OPTIONS).close());
        assertTrue(e.getMessage().contains("is truncated"), e.getMessage());
        assertArrayEquals(before, bytes(image), "the file is untouched");
    }

    private static byte[] bytes(MemoryFile file) {
        ByteBuffer buffer = ByteBuffer.allocate(file.length());
        file.read(buffer, 0);
        return buffer.array();
    }
}
