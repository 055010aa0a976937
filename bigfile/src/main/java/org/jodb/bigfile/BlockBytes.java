package org.jodb.bigfile;

import java.util.Arrays;

/** Zero checks and copies of parts of a block's bytes. */
final class BlockBytes {
    /** No bytes: a block or chunk of zeros. */
    static final byte[] EMPTY = new byte[0];

    private BlockBytes() {
    }

    /** A copy of {@code bytes[from, from + length)} without its trailing zeros (empty if all zeros). */
    static byte[] trimmedCopy(byte[] bytes, int from, int length) {
        int end = from + length;
        while (end > from && bytes[end - 1] == 0) {
            end--;
        }
        return end == from ? EMPTY : Arrays.copyOfRange(bytes, from, end);
    }

    /** Whether {@code bytes[from, from + length)} is all zeros. */
    static boolean isZero(byte[] bytes, int from, int length) {
        for (int i = from, end = from + length; i < end; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
