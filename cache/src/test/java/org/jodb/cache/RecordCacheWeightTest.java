package org.jodb.cache;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The record cache's weights are heap bytes: filled with small records, each weighed at its own
 * JOL-measured size, the cache's JOL-measured heap is its weighed total within 15%, so a budget
 * given as a share of the heap takes that share. (With the entry overhead at its former 96 bytes,
 * the cache took 1.3 times its budget for such records.)
 */
class RecordCacheWeightTest {
    static final int RECORDS = 20_000;

    /** A change log with no changes, so every record stays cached as loaded. */
    static final class QuietLog implements RevisionLog {
        @Override
        public long lastRevision() {
            return 1;
        }

        @Override
        public long changesAfter(long afterRevision, ChangeSink sink) {
            return afterRevision;
        }
    }

    @Test
    void aCacheOfSmallRecordsWeighsWhatItTakesOnTheHeap() {
        JolHeapMeter meter = JolHeapMeter.create();
        assertNotNull(meter, "JOL inspects this JVM");
        RecordCache<byte[]> cache = new RecordCache<>(1L << 30, new QuietLog(), record -> 1,
                record -> (int) meter.shallowSize(record));
        for (int oid = 1; oid <= RECORDS; oid++) {
            cache.put(oid, new byte[24 + oid % 16], 1);
        }
        cache.cleanUp();
        long[] heap = {0};
        meter.walker().walk(List.of(cache), target -> target instanceof RevisionLog, (object, size) -> heap[0] += size);
        double ratio = (double) heap[0] / cache.weightedBytes();
        System.out.printf("[record-cache] %,d records: %,d bytes on the heap (JOL), %,d weighed, ratio %.3f%n",
                cache.size(), heap[0], cache.weightedBytes(), ratio);
        assertTrue(ratio > 0.85 && ratio < 1.15, "heap / weight = " + ratio);
    }
}
