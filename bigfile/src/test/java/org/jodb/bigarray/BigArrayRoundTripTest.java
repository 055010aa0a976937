package org.jodb.bigarray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.Random;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.bigfile.BigFile;
import org.jodb.bigfile.BigFileHandle;
import org.jodb.bigfile.BlockFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every element type written by scalar and bulk accessors, committed, and read back by another
 * transaction and after the database file is closed and opened again; elements cross block
 * boundaries (1 KiB blocks), and the bytes are little-endian in the file.
 */
class BigArrayRoundTripTest {
    /** 3 x 700 elements: rows of 8-byte elements span several 1 KiB blocks. */
    private static final long ROWS = 3;
    private static final long COLUMNS = 700;
    private static final int N = (int) (ROWS * COLUMNS);

    @TempDir
    Path dir;

    private static BigArray create(Connection c, String name, ElementType type) {
        BigArray array = new BigArray(new BigFile(1024, 256, BlockFormat.AUTO), type, ROWS, COLUMNS);
        c.root().put(name, array);
        c.commit();
        return array;
    }

    private static BigArrayHandle handle(Connection c, String name) {
        return ((BigArray) c.root().get(name)).handle(c);
    }

    @Test
    void everyElementTypeSurvivesCommitsAndAReopen() {
        Path path = dir.resolve("arrays.jodb");
        Random random = new Random(5);
        byte[] bytes = new byte[N];
        random.nextBytes(bytes);
        short[] shorts = new short[N];
        int[] ints = new int[N];
        long[] longs = new long[N];
        float[] floats = new float[N];
        double[] doubles = new double[N];
        for (int i = 0; i < N; i++) {
            shorts[i] = (short) random.nextInt();
            ints[i] = random.nextInt();
            longs[i] = random.nextLong();
            floats[i] = random.nextFloat() - 0.5f;
            doubles[i] = random.nextGaussian() * 1e300;
        }
        try (Database db = Database.open(path); Connection c = db.open()) {
            for (ElementType type : ElementType.values()) {
                create(c, type.name(), type);
            }
            // Bulk from arrays and from buffers of every kind: direct, big-endian, offset.
            handle(c, "BYTE").set(0, bytes);
            handle(c, "SHORT").set(0, ShortBuffer.wrap(shorts));
            handle(c, "INT").set(0, ByteBuffer.allocateDirect(4 * N).order(ByteOrder.BIG_ENDIAN).asIntBuffer()
                    .put(ints).flip());
            handle(c, "LONG").set(0, longs);
            handle(c, "FLOAT").set(0, floats);
            DoubleBuffer source = DoubleBuffer.allocate(N + 5).position(5);
            source.put(doubles).position(5);
            handle(c, "DOUBLE").set(0, source);
            assertEquals(N + 5, source.position(), "set advances the buffer");
            c.commit();
        }
        try (Database db = Database.open(path); Connection c = db.open()) {
            byte[] readBytes = new byte[N];
            handle(c, "BYTE").get(0, readBytes);
            assertArrayEquals(bytes, readBytes);
            ShortBuffer readShorts = ShortBuffer.allocate(N);
            handle(c, "SHORT").get(0, readShorts);
            assertArrayEquals(shorts, readShorts.array());
            IntBuffer readInts = ByteBuffer.allocateDirect(4 * N).asIntBuffer();
            handle(c, "INT").get(0, readInts);
            assertEquals(IntBuffer.wrap(ints), readInts.flip());
            long[] readLongs = new long[N];
            handle(c, "LONG").get(0, readLongs);
            assertArrayEquals(longs, readLongs);
            FloatBuffer readFloats = FloatBuffer.allocate(N);
            handle(c, "FLOAT").get(0, readFloats);
            assertArrayEquals(floats, readFloats.array());
            double[] readDoubles = new double[N];
            handle(c, "DOUBLE").get(0, readDoubles);
            assertArrayEquals(doubles, readDoubles);

            // Scalars, by flat index and by one index per axis, agree with the bulk copies.
            int k = (int) (2 * COLUMNS + 123);
            assertEquals(bytes[k], handle(c, "BYTE").getByte(2, 123));
            assertEquals(shorts[k], handle(c, "SHORT").getShort(k));
            assertEquals(ints[k], handle(c, "INT").getInt(2, 123));
            assertEquals(longs[k], handle(c, "LONG").getLong(k));
            assertEquals(floats[k], handle(c, "FLOAT").getFloat(2, 123));
            assertEquals(doubles[k], handle(c, "DOUBLE").getDouble(k));

            handle(c, "BYTE").setByte(new long[] {1, 2}, (byte) -7);
            handle(c, "SHORT").setShort(COLUMNS + 2, (short) -7000);
            handle(c, "INT").setInt(new long[] {1, 2}, -70_000_000);
            handle(c, "LONG").setLong(COLUMNS + 2, Long.MIN_VALUE);
            handle(c, "FLOAT").setFloat(new long[] {1, 2}, Float.MIN_VALUE);
            handle(c, "DOUBLE").setDouble(COLUMNS + 2, Double.NaN);
            c.commit();
        }
        try (Database db = Database.open(path); Connection c = db.open()) {
            assertEquals(-7, handle(c, "BYTE").getByte(COLUMNS + 2));
            assertEquals(-7000, handle(c, "SHORT").getShort(1, 2));
            assertEquals(-70_000_000, handle(c, "INT").getInt(COLUMNS + 2));
            assertEquals(Long.MIN_VALUE, handle(c, "LONG").getLong(1, 2));
            assertEquals(Float.MIN_VALUE, handle(c, "FLOAT").getFloat(COLUMNS + 2));
            assertEquals(Double.NaN, handle(c, "DOUBLE").getDouble(1, 2));
            assertEquals(doubles[N - 1], handle(c, "DOUBLE").getDouble(ROWS - 1, COLUMNS - 1), "neighbours kept");
            for (ElementType type : ElementType.values()) {
                BigArray array = (BigArray) c.root().get(type.name());
                assertEquals(type, array.elementType());
                assertArrayEquals(new long[] {ROWS, COLUMNS}, array.shape());
            }
        }
    }

    @Test
    void elementsAreStoredLittleEndianRowMajor() {
        try (Database db = Database.inMemory(); Connection c = db.open()) {
            BigArray array = create(c, "a", ElementType.INT);
            array.handle(c).setInt(new long[] {1, 1}, 0x01020304);
            BigFileHandle file = array.file().handle(c);
            byte[] stored = new byte[4];
            file.read(4L * (COLUMNS + 1), ByteBuffer.wrap(stored));
            assertArrayEquals(new byte[] {4, 3, 2, 1}, stored);
        }
    }

    @Test
    void elementsNeverWrittenReadAsZero() {
        try (Database db = Database.inMemory(); Connection c = db.open()) {
            BigArrayHandle handle = create(c, "a", ElementType.DOUBLE).handle(c);
            handle.setDouble(5, 1.5);
            c.commit();
            assertEquals(0.0, handle.getDouble(N - 1));
            double[] all = new double[N];
            handle.get(0, all);
            assertEquals(1.5, all[5]);
            assertEquals(1.5, handle.doubles().sum());
        }
    }
}
