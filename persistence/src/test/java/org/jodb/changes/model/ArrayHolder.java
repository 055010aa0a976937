package org.jodb.changes.model;

import java.util.ArrayList;
import java.util.List;
import org.jodb.Persistent;

/** Arrays held in fields: of every primitive type, of strings, of any object, of arrays. */
@Persistent
public class ArrayHolder {
    private final int[] counts = {1, 2, 3};
    private final double[] readings = {0.5, 1.5};
    private final String[] labels = {"a", "b"};
    private final Object[] slots = {"x", 1, new ArrayList<>(List.of("y"))};
    private final int[][] grid = {{1, 2}, {3, 4}};
    private final byte[] bytes = {1, 2};
    private final short[] shorts = {1, 2};
    private final long[] longs = {1, 2};
    private final float[] floats = {0.0f, 1.5f};
    private final char[] chars = {'a', 'b'};
    private final boolean[] flags = {false, true};

    public int[] counts() {
        return counts;
    }

    public double[] readings() {
        return readings;
    }

    public String[] labels() {
        return labels;
    }

    public Object[] slots() {
        return slots;
    }

    public int[][] grid() {
        return grid;
    }

    public byte[] bytes() {
        return bytes;
    }

    public short[] shorts() {
        return shorts;
    }

    public long[] longs() {
        return longs;
    }

    public float[] floats() {
        return floats;
    }

    public char[] chars() {
        return chars;
    }

    public boolean[] flags() {
        return flags;
    }
}
