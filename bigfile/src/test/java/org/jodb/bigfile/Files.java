package org.jodb.bigfile;

import java.nio.ByteBuffer;
import java.util.Random;
import org.jodb.Connection;

/** Helpers of the bigfile tests: storing a file, reading it back, patterned bytes. */
final class Files {
    private Files() {
    }

    /** Stores {@code file} under {@code name} in the root and commits. */
    static BigFile store(Connection connection, String name, BigFile file) {
        connection.root().put(name, file);
        connection.commit();
        return file;
    }

    /** The file stored under {@code name}, as this connection sees it. */
    static BigFile named(Connection connection, String name) {
        return (BigFile) connection.root().get(name);
    }

    /** {@code length} bytes read at {@code position}, which must all be within the file. */
    static byte[] read(BigFileHandle handle, long position, int length) {
        byte[] bytes = new byte[length];
        int n = handle.read(position, ByteBuffer.wrap(bytes));
        if (n != length) {
            throw new AssertionError("read " + n + " bytes at " + position + ", wanted " + length);
        }
        return bytes;
    }

    /** {@code length} non-zero pseudo-random bytes from {@code seed}. */
    static byte[] pattern(long seed, int length) {
        byte[] bytes = new byte[length];
        Random random = new Random(seed);
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (1 + random.nextInt(255));
        }
        return bytes;
    }
}
