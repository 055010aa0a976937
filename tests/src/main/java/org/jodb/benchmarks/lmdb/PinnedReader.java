package org.jodb.benchmarks.lmdb;

/** A read view of a {@link KeyValueSubject} fixed at the state it was opened at. */
public interface PinnedReader extends AutoCloseable {

    /** The value at {@code key} as of this reader's state, or null. */
    byte[] get(int key);

    @Override
    void close();
}
