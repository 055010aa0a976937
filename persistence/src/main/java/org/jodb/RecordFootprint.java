package org.jodb;

import org.jodb.storage.Record;

/**
 * What a {@link Record} takes on the heap, the weight the database's record cache gives it, so
 * that the cache's budget is heap bytes: the record object, its payload array and its reference
 * array, with the layout of a 64-bit JVM with compressed references (a heap under 32 GiB), which
 * {@code RecordFootprintTest} checks against JOL. The record's {@link Record#weight()}, payload
 * plus 8 per reference, leaves out about 80 bytes of headers, which for the small records of
 * typical objects is most of their size.
 */
final class RecordFootprint {
    /** Header (12), oid and serial (16), class id (4), two array references (8). */
    static final int SHELL = 40;
    private static final int ARRAY_HEADER = 16;

    private RecordFootprint() {
    }

    /** The heap bytes of {@code record} and the arrays it holds. */
    static int heapBytes(Record record) {
        long bytes = SHELL + array(record.payload().length, 1) + array(record.references().length, 8);
        return (int) Math.min(bytes, Integer.MAX_VALUE);
    }

    private static long array(int length, int elementBytes) {
        return (ARRAY_HEADER + (long) length * elementBytes + 7) & ~7L;
    }
}
