package org.jodb.bigfile;

import org.jodb.Persistent;

/** One chunk of a {@link ChunkedBlock}: its bytes up to the last non-zero one; never all zeros. */
@Persistent(detectChanges = false)
final class Chunk {
    private byte[] data;

    Chunk(byte[] data) {
        this.data = data;
    }

    byte[] data() {
        return data;
    }

    void write(byte[] trimmed) {
        this.data = trimmed;
    }
}
