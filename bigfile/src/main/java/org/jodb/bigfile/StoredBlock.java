package org.jodb.bigfile;

import org.jodb.Persistence;
import org.jodb.Persistent;

/**
 * A block as stored: {@link WholeBlock} or {@link ChunkedBlock}. Every commit that changes a
 * block's bytes, replaces it with another format or removes it also writes this object, so that
 * other connections' handles learn from its oid alone that their copy of the block is stale,
 * whatever happened inside (a chunk-tree split, a merge, a new chunk).
 */
@Persistent(detectChanges = false)
abstract class StoredBlock {

    /**
     * Copies the block's bytes into {@code block} (all zeros on entry, one block long), then turns
     * everything loaded to read them into ghosts, this object included.
     */
    abstract void readInto(byte[] block);

    /** Turns this object and everything of it the connection has loaded into ghosts. */
    abstract void release();

    /**
     * Writes this object at the next commit even if none of its fields changed, so that handles
     * holding the block drop it (its bytes changed). Nothing for a block not stored yet.
     */
    final void markWritten() {
        if (Persistence.oid(this) != 0) {
            Persistence.markChanged(this);
        }
    }

    /**
     * This block is being replaced or removed: writes it one last time, as small as it can be
     * (older snapshots still read its earlier version), so that handles holding it drop it.
     */
    void retire() {
        markWritten();
    }
}
