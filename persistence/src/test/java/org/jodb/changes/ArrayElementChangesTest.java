package org.jodb.changes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.jodb.changes.model.ArrayHolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Elements written into arrays held in fields ({@code values[i] = x}) are committed. */
class ArrayElementChangesTest {
    @TempDir
    Path directory;
    private DatabaseFile file;

    @BeforeEach
    void store() {
        file = new DatabaseFile(directory);
        file.store("arrays", new ArrayHolder());
    }

    @Test
    void anIntElementIsCommitted() {
        file.change("arrays", ArrayHolder.class, arrays -> arrays.counts()[0]++);

        assertArrayEquals(new int[] {2, 2, 3}, file.read("arrays", ArrayHolder.class, ArrayHolder::counts));
    }

    @Test
    void aDoubleElementIsCommitted() {
        file.change("arrays", ArrayHolder.class, arrays -> arrays.readings()[1] = -1.5);

        assertArrayEquals(new double[] {0.5, -1.5}, file.read("arrays", ArrayHolder.class, ArrayHolder::readings));
    }

    @Test
    void aStringElementIsCommitted() {
        file.change("arrays", ArrayHolder.class, arrays -> arrays.labels()[0] = "A");

        assertArrayEquals(new String[] {"A", "b"}, file.read("arrays", ArrayHolder.class, ArrayHolder::labels));
    }

    @Test
    void anObjectElementIsCommitted() {
        file.change("arrays", ArrayHolder.class, arrays -> arrays.slots()[1] = List.of(1, 2));

        assertEquals(List.of(1, 2), file.read("arrays", ArrayHolder.class, arrays -> arrays.slots()[1]));
    }

    @Test
    void aListHeldInAnObjectArrayIsCommitted() {
        file.change("arrays", ArrayHolder.class, arrays -> listIn(arrays.slots()[2]).add("z"));

        assertEquals(List.of("y", "z"), file.read("arrays", ArrayHolder.class, arrays -> arrays.slots()[2]));
    }

    @Test
    void anElementOfAnArrayOfArraysIsCommitted() {
        file.change("arrays", ArrayHolder.class, arrays -> arrays.grid()[1][0] = 30);

        assertArrayEquals(new int[][] {{1, 2}, {30, 4}}, file.read("arrays", ArrayHolder.class, ArrayHolder::grid));
    }

    @Test
    void aByteElementIsCommitted() {
        file.change("arrays", ArrayHolder.class, arrays -> arrays.bytes()[1] = -1);

        assertArrayEquals(new byte[] {1, -1}, file.read("arrays", ArrayHolder.class, ArrayHolder::bytes));
    }

    @Test
    void aShortElementIsCommitted() {
        file.change("arrays", ArrayHolder.class, arrays -> arrays.shorts()[1] = 300);

        assertArrayEquals(new short[] {1, 300}, file.read("arrays", ArrayHolder.class, ArrayHolder::shorts));
    }

    @Test
    void aLongElementIsCommitted() {
        file.change("arrays", ArrayHolder.class, arrays -> arrays.longs()[0] = Long.MIN_VALUE);

        assertArrayEquals(new long[] {Long.MIN_VALUE, 2}, file.read("arrays", ArrayHolder.class, ArrayHolder::longs));
    }

    @Test
    void aFloatElementTurnedToNegativeZeroIsCommitted() {
        file.change("arrays", ArrayHolder.class, arrays -> arrays.floats()[0] = -0.0f);

        assertArrayEquals(new float[] {-0.0f, 1.5f}, file.read("arrays", ArrayHolder.class, ArrayHolder::floats));
    }

    @Test
    void aCharElementIsCommitted() {
        file.change("arrays", ArrayHolder.class, arrays -> arrays.chars()[0] = 'z');

        assertArrayEquals(new char[] {'z', 'b'}, file.read("arrays", ArrayHolder.class, ArrayHolder::chars));
    }

    @Test
    void aBooleanElementIsCommitted() {
        file.change("arrays", ArrayHolder.class, arrays -> arrays.flags()[0] = true);

        assertArrayEquals(new boolean[] {true, true}, file.read("arrays", ArrayHolder.class, ArrayHolder::flags));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listIn(Object slot) {
        return (List<Object>) slot;
    }
}
