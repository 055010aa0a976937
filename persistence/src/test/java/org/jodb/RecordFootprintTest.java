package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jodb.storage.Record;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/** The record cache weighs a record at exactly what JOL measures it takes on the heap. */
class RecordFootprintTest {

    @Test
    void aRecordWeighsItsHeapBytes() {
        int[][] shapes = {{0, 0}, {1, 0}, {7, 1}, {8, 1}, {9, 2}, {22, 1}, {300, 40}, {5000, 0}};
        for (int[] shape : shapes) {
            Record record = new Record(1, 2, 3, new long[shape[1]], new byte[shape[0]]);
            assertEquals(GraphLayout.parseInstance(record).totalSize(), RecordFootprint.heapBytes(record),
                    "payload " + shape[0] + ", references " + shape[1]);
        }
    }
}
