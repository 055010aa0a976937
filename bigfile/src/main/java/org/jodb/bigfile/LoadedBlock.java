package org.jodb.bigfile;

import java.util.BitSet;

/**
 * One block as a handle holds it: its bytes (null for a hole nobody wrote, or for a changed block
 * spilled to the handle's {@link SpillArea}), the oid of the stored block they were read from (0
 * for a hole), and while it has unsaved changes, which chunks they touch.
 */
final class LoadedBlock {
    /** What a block costs besides its bytes: this object, its map entry, a bit set. */
    static final long OVERHEAD = 128;

    final long number;
    byte[] bytes;
    long storedOid;
    /** Indexes of changed chunks; null while the block matches what is stored. */
    BitSet changedChunks;
    /** The {@link SpillArea} slot holding the bytes of a changed block that is not in memory, else -1. */
    int spillSlot = -1;

    LoadedBlock(long number, byte[] bytes, long storedOid) {
        this.number = number;
        this.bytes = bytes;
        this.storedOid = storedOid;
    }

    boolean isDirty() {
        return changedChunks != null;
    }

    boolean isSpilled() {
        return spillSlot >= 0;
    }

    long weight() {
        return OVERHEAD + (bytes == null ? 0 : bytes.length);
    }
}
