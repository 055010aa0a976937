package org.jodb.storage.file;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes of a file in memory: what the power-cut simulator records into, builds disk images in
 * and opens them from. Growing the file fills the new part with zeros, as a file system does.
 *
 * <p>Not thread-safe; {@link RecordingDisk} and {@link MemoryPageChannel} synchronize on it.
 */
final class MemoryFile {
    private byte[] bytes;
    private int length;

    MemoryFile() {
        this(new byte[0], 0);
    }

    private MemoryFile(byte[] bytes, int length) {
        this.bytes = bytes;
        this.length = length;
    }

    MemoryFile copy() {
        return new MemoryFile(Arrays.copyOf(bytes, length), length);
    }

    int length() {
        return length;
    }

    /** Sets the length; a longer file reads zeros beyond the old end. */
    void resize(long newLength) {
        int size = Math.toIntExact(newLength);
        if (size > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size, bytes.length * 2));
        } else if (size > length) {
            Arrays.fill(bytes, length, size, (byte) 0);
        }
        if (size < length) {
            Arrays.fill(bytes, size, length, (byte) 0);
        }
        length = size;
    }

    /** Copies {@code count} bytes of {@code source} from {@code from} to the file at {@code offset}. */
    void write(long offset, byte[] source, int from, int count) {
        int at = Math.toIntExact(offset);
        if (at + count > length) {
            resize(at + count);
        }
        System.arraycopy(source, from, bytes, at, count);
    }

    /** Fills {@code target} from {@code offset}; -1 at or beyond the end. */
    int read(ByteBuffer target, long offset) {
        if (offset >= length) {
            return target.hasRemaining() ? -1 : 0;
        }
        int count = (int) Math.min(target.remaining(), length - offset);
        target.put(bytes, (int) offset, count);
        return count;
    }
}
