package org.jodb.benchmarks.space;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Snapshot;
import org.jodb.storage.Storage;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;

/**
 * What a commit of one changed object writes once the file has a large free list in many runs:
 * {@code 2 * freePages} objects of one page each (1 KiB pages, 300-byte payloads in overflow
 * extents) are stored, a reader pins that revision, every other object is unlinked, collected and
 * the file compacted, and the reader closes, which frees one page in every two: {@code freePages}
 * free pages in about as many runs. Then {@value #MEASURED} commits each change one small object;
 * the bytes each writes ({@code FileStorageStats.bytesWritten}) are printed, median and largest.
 *
 * <p>Run it with {@code mvn -B -o -Pspace -DskipTests verify -pl tests -am
 * -Dspace.main=org.jodb.benchmarks.space.BookkeepingCost -Dspace.args=200000}. Not thread-safe.
 */
public final class BookkeepingCost {
    static final int PAGE_SIZE = 1024;
    static final int MEASURED = 51;
    private static final int PAYLOAD = 300;
    private static final int PER_COMMIT = 10_000;
    private static final String TYPE = "bookkeeping-object";

    /**
     * @param freePages      free pages after the collection, compaction and the reader's close
     * @param fileSize       the file's size then
     * @param medianBytes    median bytes written by one one-object commit
     * @param largestBytes   the most one of them wrote
     */
    public record Figures(long freePages, long fileSize, long medianBytes, long largestBytes) {
        @Override
        public String toString() {
            return String.format("%,d free pages of %d bytes (file %,d bytes): a commit of one changed object writes"
                    + " %,d bytes (%.1f pages) median, %,d at most, over %d commits", freePages, PAGE_SIZE,
                    fileSize, medianBytes, (double) medianBytes / PAGE_SIZE, largestBytes, MEASURED);
        }
    }

    private BookkeepingCost() {
    }

    public static void main(String[] args) throws Exception {
        int freePages = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 200_000;
        Path dir = Files.createTempDirectory("jodb-bookkeeping");
        Path file = dir.resolve("cost.jodb");
        try {
            System.out.println(run(file, freePages));
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }

    /** Runs the scenario on a new file at {@code file}. */
    public static Figures run(Path file, int freePages) {
        FileStorageOptions options = FileStorageOptions.defaults().withPageSize(PAGE_SIZE).withSync(false);
        try (FileStorage storage = FileStorage.open(file, options)) {
            int type = storage.typeId(TYPE);
            long counter = storage.newOid();
            long counterSerial = storage.commit(List.of(new RecordWrite(counter, 0, type, new long[0], new byte[16])));
            long[] objects = new long[2 * freePages];
            List<RecordWrite> writes = new ArrayList<>();
            for (int i = 0; i < objects.length; i++) {
                objects[i] = storage.newOid();
                byte[] payload = new byte[PAYLOAD];
                Arrays.fill(payload, (byte) i);
                writes.add(new RecordWrite(objects[i], 0, type, new long[0], payload));
                if (writes.size() == PER_COMMIT || i == objects.length - 1) {
                    storage.commit(writes);
                    writes.clear();
                }
            }
            long rootSerial = storage.commit(List.of(root(type, 0, counter, objects, 1)));
            try (Snapshot reader = storage.openSnapshot()) {
                storage.commit(List.of(root(type, rootSerial, counter, objects, 2)));
                storage.collectGarbage();
                storage.compact();
            }
            // The first commit after the close takes the pages it released into the free list.
            counterSerial = change(storage, type, counter, counterSerial);
            long[] written = new long[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                long before = storage.stats().bytesWritten();
                counterSerial = change(storage, type, counter, counterSerial);
                written[i] = storage.stats().bytesWritten() - before;
            }
            Arrays.sort(written);
            var stats = storage.stats();
            return new Figures(stats.freePages(), stats.fileSize(), written[MEASURED / 2], written[MEASURED - 1]);
        }
    }

    /** The root, referring to the counter and every {@code stride}-th object. */
    private static RecordWrite root(int type, long serial, long counter, long[] objects, int stride) {
        long[] references = new long[1 + (objects.length + stride - 1) / stride];
        references[0] = counter;
        for (int i = 0; i * stride < objects.length; i++) {
            references[1 + i] = objects[i * stride];
        }
        return new RecordWrite(Storage.ROOT_OID, serial, type, references, new byte[0]);
    }

    private static long change(FileStorage storage, int type, long counter, long serial) {
        byte[] payload = new byte[16];
        Arrays.fill(payload, (byte) serial);
        return storage.commit(List.of(new RecordWrite(counter, serial, type, new long[0], payload)));
    }
}
