package org.jodb.storage;

/**
 * A read view of a storage at one revision. While open it pins the revision: nothing the revision
 * can see is reclaimed. Snapshots are thread-safe; close each one exactly once.
 */
public interface Snapshot extends AutoCloseable {

    /** The revision this snapshot reads. */
    long revision();

    /**
     * The newest record of {@code oid} written at or before {@link #revision()}, or null if the
     * object did not exist at that revision.
     */
    Record load(long oid);

    /** Releases the pin. Further loads throw {@link IllegalStateException}. */
    @Override
    void close();
}
