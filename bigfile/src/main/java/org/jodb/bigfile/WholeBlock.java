package org.jodb.bigfile;

import org.jodb.Persistence;
import org.jodb.Persistent;

/** A block stored in one record: its bytes up to the last non-zero one (the rest reads as zeros). */
@Persistent(detectChanges = false)
final class WholeBlock extends StoredBlock {
    private byte[] data;

    WholeBlock(byte[] data) {
        this.data = data;
    }

    /** Replaces the stored bytes (trailing zeros already cut). */
    void write(byte[] trimmed) {
        this.data = trimmed;
    }

    /** Stores no bytes any more: the last version of a replaced block costs a few bytes, not the block. */
    @Override
    void retire() {
        data = BlockBytes.EMPTY;
    }

    @Override
    void readInto(byte[] block) {
        byte[] stored = data;
        System.arraycopy(stored, 0, block, 0, stored.length);
        release();
    }

    @Override
    void release() {
        Persistence.deactivate(this);
    }
}
