package org.jodb.bigarray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.bigfile.BigFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input fails with an exception naming the index, shape or type, and writes nothing. */
class BigArrayBadInputTest {
    private final Database db = Database.inMemory();
    private final Connection c = db.open();

    @AfterEach
    void close() {
        c.close();
        db.close();
    }

    private static void assertMessage(Class<? extends Throwable> type, String words, Executable call) {
        Throwable thrown = assertThrows(type, call);
        assertTrue(thrown.getMessage().contains(words), thrown.getMessage());
    }

    @Test
    void badShapesAreRefusedAtCreation() {
        assertMessage(IllegalArgumentException.class, "shape [3, -1] has a negative dimension, -1, on axis 1",
                () -> new BigArray(ElementType.INT, 3, -1));
        assertMessage(IllegalArgumentException.class,
                "shape [1048576, 1048576, 1048576] of DOUBLE elements is larger than 9223372036854775807 bytes",
                () -> new BigArray(ElementType.DOUBLE, 1 << 20, 1 << 20, 1 << 20));
        assertMessage(IllegalArgumentException.class, "shape [1152921504606846976] of DOUBLE elements is larger",
                () -> new BigArray(ElementType.DOUBLE, 1L << 60)); // elements fit a long, bytes do not
        assertMessage(IllegalArgumentException.class, "at least one axis; the shape is []",
                () -> new BigArray(ElementType.BYTE));
        assertMessage(NullPointerException.class, "element type", () -> new BigArray(null, 3));
        assertEquals(1L << 60, new BigArray(ElementType.BYTE, 1L << 60).size(), "the largest shapes that fit are fine");
    }

    @Test
    void anArrayNeedsAnEmptyFile() {
        BigFile file = new BigFile();
        c.root().put("f", file);
        c.commit();
        file.handle(c).write(0, ByteBuffer.wrap(new byte[] {1}));
        assertMessage(IllegalArgumentException.class, "needs an empty BigFile, not one of 1 bytes",
                () -> new BigArray(file, ElementType.BYTE, 1));
    }

    @Test
    void aHandleNeedsAStoredArray() {
        assertMessage(IllegalStateException.class, "never committed", () -> new BigArray(ElementType.INT, 2).handle(c));
    }

    @Test
    void badIndexesTypesAndSizesWriteNothing() {
        BigArray array = new BigArray(ElementType.DOUBLE, 4, 3);
        c.root().put("a", array);
        c.commit();
        BigArrayHandle handle = array.handle(c);
        handle.set(0, new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        c.commit();
        long revision = db.storage().lastRevision();

        assertMessage(IndexOutOfBoundsException.class, "index 12 out of range for shape [4, 3]",
                () -> handle.getDouble(12));
        assertMessage(IndexOutOfBoundsException.class, "index -1 out of range for shape [4, 3]",
                () -> handle.setDouble(-1, 5));
        assertMessage(IndexOutOfBoundsException.class, "index [1, 3] is out of range for shape [4, 3] (axis 1)",
                () -> handle.setDouble(new long[] {1, 3}, 5));
        assertMessage(IndexOutOfBoundsException.class, "index [4, 0] is out of range for shape [4, 3] (axis 0)",
                () -> handle.getDouble(4, 0));
        assertMessage(IllegalArgumentException.class, "index [1, 1, 1] has 3 indices, but shape [4, 3] has 2 axes",
                () -> handle.getDouble(1, 1, 1));
        assertMessage(IndexOutOfBoundsException.class, "elements [10, 13) out of range for shape [4, 3]",
                () -> handle.set(10, new double[3]));
        assertMessage(IndexOutOfBoundsException.class, "elements [0, 4) out of range for shape [1, 3]",
                () -> handle.slice(3, 4).get(0, DoubleBuffer.allocate(4)));
        assertMessage(IndexOutOfBoundsException.class, "rows [2, 5) are out of range for shape [4, 3]",
                () -> handle.slice(2, 5));

        assertMessage(IllegalArgumentException.class, "holds DOUBLE elements, not INT", () -> handle.getInt(0));
        assertMessage(IllegalArgumentException.class, "holds DOUBLE elements, not FLOAT", () -> handle.setFloat(0, 1f));
        assertMessage(IllegalArgumentException.class, "set needs a DoubleBuffer for BigArray(",
                () -> handle.set(0, new int[] {1}));
        assertMessage(IllegalArgumentException.class, ", given IntBuffer",
                () -> handle.get(0, IntBuffer.allocate(1)));
        assertMessage(IllegalArgumentException.class, "append needs a DoubleBuffer",
                () -> handle.append(ByteBuffer.allocate(24)));

        assertMessage(IllegalArgumentException.class, "shape [-2, 3] has a negative dimension, -2, on axis 0",
                () -> handle.resize(-2));
        assertMessage(IllegalArgumentException.class, "shape [4611686018427387904, 3] of DOUBLE elements is larger",
                () -> handle.resize(1L << 62));

        c.commit();
        assertEquals(revision, db.storage().lastRevision(), "nothing was written");
        assertArrayEquals(new long[] {4, 3}, array.shape());
        double[] all = new double[12];
        handle.get(0, all);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, all);
    }

    @Test
    void aReadOnlyConnectionRefusesResize() {
        c.root().put("a", new BigArray(ElementType.LONG, 2));
        c.commit();
        try (Connection readOnly = db.openAt(db.storage().lastRevision())) { // a historical connection: read-only
            BigArrayHandle handle = ((BigArray) readOnly.root().get("a")).handle(readOnly);
            assertMessage(IllegalStateException.class, "the connection is read-only", () -> handle.resize(5));
            assertMessage(IllegalStateException.class, "read-only", () -> handle.setLong(0, 5));
            assertArrayEquals(new long[] {2}, handle.shape());
        }
    }
}
