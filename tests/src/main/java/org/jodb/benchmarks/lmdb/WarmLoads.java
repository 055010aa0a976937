package org.jodb.benchmarks.lmdb;

import java.util.SplittableRandom;

/**
 * Loading records by key from a warm file: {@code records} records of 100 bytes written in commits
 * of 20,000, then every key read in a shuffled order through one reader, twice; the second pass is
 * timed (the first warms the OS page cache and the store's own caches).
 */
public final class WarmLoads {
    private static final int BATCH = 20_000;
    private static final int RECORD_BYTES = 100;

    private WarmLoads() {
    }

    /** Nanoseconds per load in the timed pass. */
    public static double run(KeyValueSubject subject, int records) {
        SplittableRandom random = new SplittableRandom(13);
        for (int from = 0; from < records; from += BATCH) {
            int count = Math.min(BATCH, records - from);
            int[] keys = new int[count];
            byte[][] values = new byte[count][];
            for (int i = 0; i < count; i++) {
                keys[i] = from + i;
                values[i] = new byte[RECORD_BYTES];
                random.nextBytes(values[i]);
            }
            subject.commit(keys, values);
        }
        int[] order = shuffled(records, random);
        long nanos = 0;
        try (PinnedReader reader = subject.openReader()) {
            for (int pass = 0; pass < 2; pass++) {
                long bytes = 0;
                long start = System.nanoTime();
                for (int key : order) {
                    bytes += reader.get(key).length;
                }
                nanos = System.nanoTime() - start;
                if (bytes != (long) records * RECORD_BYTES) {
                    throw new IllegalStateException(subject.name() + ": read " + bytes + " bytes");
                }
            }
        }
        return (double) nanos / records;
    }

    private static int[] shuffled(int count, SplittableRandom random) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
