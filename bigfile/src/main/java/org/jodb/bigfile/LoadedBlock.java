package org.jodb.bigfile;

import java.util.BitSet;

/**
 * One block as a handle holds it: its bytes (null for a hole nobody wrote), the oid of the stored
 * block they were read from (0 for a hole), and while it has unsaved changes, which chunks they
 * touch.
 */
final class LoadedBlock {
    /** What a block costs besides its bytes: this object, its map entry, a bit set. */
    static final long OVERHEAD = 128;

    final long number;
    byte[] bytes;
    long storedOid;
    /** Indexes of changed chunks; null while the block matches what is stored. */
    BitSet changedChunks;

    LoadedBlock(long number, byte[] bytes, long storedOid) {
        this.number = number;
        this.bytes = bytes;
        this.storedOid = storedOid;
    }

    boolean isDirty() {
        return changedChunks != null;
    }

    long weight() {
        return OVERHEAD + (bytes == null ? 0 : bytes.length);
    }
}
