package org.jodb.benchmarks.lmdb;

/**
 * One store under comparison, reduced to what the LMDB workloads need: records addressed by a
 * dense index 0..n-1, atomic durable commits of several of them, and readers that pin the state
 * they were opened at until closed.
 */
public interface KeyValueSubject extends AutoCloseable {

    /** Short name for the printed tables. */
    String name();

    /** Writes {@code values[i]} at {@code keys[i]} in one atomic commit (new keys are inserted). */
    void commit(int[] keys, byte[][] values);

    /** A reader pinning the newest committed state. */
    PinnedReader openReader();

    /** The store's data file size in bytes. */
    long fileSize();

    @Override
    void close();
}
