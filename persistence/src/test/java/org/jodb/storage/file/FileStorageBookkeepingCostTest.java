package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Snapshot;
import org.jodb.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit of one changed object writes a few pages however large the free list is: the
 * accounting is written in proportion to the change ({@link DurableBookkeeping}). The free list is
 * made large and fragmented the way a user gets one: one-page objects stored, a reader pinned, every
 * other object unlinked, collected and compacted, the reader closed.
 */
class FileStorageBookkeepingCostTest {
    private static final int PAGE_SIZE = 1024;
    private static final FileStorageOptions OPTIONS = FileStorageOptions.defaults().withPageSize(PAGE_SIZE)
            .withSync(false);
    private static final int MEASURED = 21;
    private static final String TYPE = "cost-object";

    @TempDir
    Path dir;

    /** Median bytes per one-object commit before the collection and after, and the free list then. */
    private record Cost(long before, long after, long freePages, int freeRuns) {
    }

    @Test
    void aOneObjectCommitWritesAFewPagesWhateverTheSizeOfTheFreeList() {
        Cost small = measure(dir.resolve("small.jodb"), 5_000);
        Cost large = measure(dir.resolve("large.jodb"), 25_000);
        System.out.printf("[bookkeeping] one-object commit: %,d free pages in %,d runs: %,d bytes (before the"
                + " collection %,d); %,d free pages in %,d runs: %,d bytes (before %,d)%n", small.freePages,
                small.freeRuns, small.after, small.before, large.freePages, large.freeRuns, large.after, large.before);
        for (Cost cost : List.of(small, large)) {
            assertTrue(cost.freeRuns >= cost.freePages / 2, () -> "the scenario must fragment the free list: " + cost);
            // What a commit writes without a free list (tree path, meta page, its entry, index and
            // chunk), plus at most two chunks: one where its pages are taken, one where they return.
            assertTrue(cost.after <= cost.before + 2L * PAGE_SIZE, () -> "more than two extra pages: " + cost);
        }
        // Five times the free runs, and at most one more page (a deeper tree for five times the objects).
        assertTrue(large.after <= small.after + PAGE_SIZE, () -> small + " vs " + large);
    }

    private static Cost measure(Path file, int freePages) {
        long before;
        long after;
        long free;
        int runs;
        try (FileStorage storage = FileStorage.open(file, OPTIONS)) {
            int type = storage.typeId(TYPE);
            long counter = storage.newOid();
            long[] serial = {storage.commit(List.of(new RecordWrite(counter, 0, type, new long[0], new byte[16])))};
            long[] objects = new long[2 * freePages];
            List<RecordWrite> writes = new ArrayList<>();
            for (int i = 0; i < objects.length; i++) {
                objects[i] = storage.newOid();
                writes.add(new RecordWrite(objects[i], 0, type, new long[0], new byte[300]));
                if (writes.size() == 5_000 || i == objects.length - 1) {
                    storage.commit(writes);
                    writes.clear();
                }
            }
            long rootSerial = storage.commit(List.of(root(type, 0, counter, objects, 1)));
            before = medianCommit(storage, type, counter, serial);
            try (Snapshot reader = storage.openSnapshot()) {
                storage.commit(List.of(root(type, rootSerial, counter, objects, 2)));
                storage.collectGarbage();
                storage.compact();
            }
            change(storage, type, counter, serial); // takes what the reader released into the free list
            after = medianCommit(storage, type, counter, serial);
            free = storage.stats().freePages();
            runs = storage.freeRunCount();
            storage.verify();
        }
        try (FileStorage reopened = FileStorage.open(file, OPTIONS)) {
            reopened.verify(); // the free map on the disk holds exactly the free pages
            assertEquals(free, reopened.stats().freePages());
        }
        return new Cost(before, after, free, runs);
    }

    private static long medianCommit(FileStorage storage, int type, long counter, long[] serial) {
        long[] written = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = storage.stats().bytesWritten();
            change(storage, type, counter, serial);
            written[i] = storage.stats().bytesWritten() - start;
        }
        Arrays.sort(written);
        return written[MEASURED / 2];
    }

    private static void change(FileStorage storage, int type, long counter, long[] serial) {
        byte[] payload = new byte[16];
        Arrays.fill(payload, (byte) serial[0]);
        serial[0] = storage.commit(List.of(new RecordWrite(counter, serial[0], type, new long[0], payload)));
    }

    private static RecordWrite root(int type, long serial, long counter, long[] objects, int stride) {
        long[] references = new long[1 + (objects.length + stride - 1) / stride];
        references[0] = counter;
        for (int i = 0; i * stride < objects.length; i++) {
            references[1 + i] = objects[i * stride];
        }
        return new RecordWrite(Storage.ROOT_OID, serial, type, references, new byte[0]);
    }
}
