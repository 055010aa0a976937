package org.jodb.benchmarks.bulk;

import java.nio.file.Path;

/** One store in the bulk comparison. */
interface BulkSubject {
    String name();

    /**
     * Builds {@code objects} nodes in an array (untimed), each referring to the one before it, then
     * stores them in a new store in {@code dir} in one transaction; returns the nanoseconds the
     * store took.
     */
    long store(Path dir, int objects);

    /**
     * Opens the store in {@code dir} anew and reads every node once; returns the nanoseconds from
     * the open to the last node read.
     *
     * @throws IllegalStateException if it did not find the {@code objects} nodes that were stored
     */
    long loadAll(Path dir, int objects);

    /** The name of node {@code i}. */
    static String nameOf(int i) {
        return "node-" + i;
    }

    /** The sum of the values and name lengths of nodes 0 to {@code objects - 1}: a load's checksum. */
    static long checksum(int objects) {
        long sum = 0;
        for (int i = 0; i < objects; i++) {
            sum += i + nameOf(i).length();
        }
        return sum;
    }

    /** Fails unless a load counted {@code found} nodes with checksum {@code sum}. */
    static void check(String subject, int objects, int found, long sum) {
        if (found != objects || sum != checksum(objects)) {
            throw new IllegalStateException(subject + " loaded " + found + " nodes with checksum " + sum
                    + ", expected " + objects + " with " + checksum(objects));
        }
    }
}
