package org.jodb.bigarray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.util.PrimitiveIterator;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.bigfile.BigFile;
import org.jodb.bigfile.BlockFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Views of a range of rows, resize and append along the first axis, and streams. */
class ViewsAndStreamsTest {
    private final Database db = Database.inMemory();
    private final Connection c = db.open();

    @AfterEach
    void close() {
        c.close();
        db.close();
    }

    private BigArray store(ElementType type, long... shape) {
        BigArray array = new BigArray(new BigFile(1024, 256, BlockFormat.AUTO), type, shape);
        c.root().put("a", array);
        c.commit();
        return array;
    }

    /** A 10 x 4 array of ints holding their flat index. */
    private BigArrayHandle counting() {
        BigArrayHandle handle = store(ElementType.INT, 10, 4).handle(c);
        handle.set(0, IntStream.range(0, 40).toArray());
        return handle;
    }

    @Test
    void aSliceIsTheRowsItNames() {
        BigArrayHandle all = counting();
        BigArrayHandle rows = all.slice(3, 6);
        assertArrayEquals(new long[] {3, 4}, rows.shape());
        assertEquals(12, rows.size());
        assertEquals(12, rows.getInt(0));
        assertEquals(4 * 5 + 2, rows.getInt(2, 2));
        assertArrayEquals(IntStream.range(12, 24).toArray(), rows.ints().toArray());
        BigArrayHandle inner = rows.slice(1, 2);
        assertArrayEquals(IntStream.range(16, 20).toArray(), inner.ints().toArray(), "a slice of a slice");

        rows.setInt(new long[] {0, 1}, -1); // writes through to the array
        assertEquals(-1, all.getInt(3, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> rows.getInt(12));
        assertThrows(IndexOutOfBoundsException.class, () -> rows.getInt(3, 0));
    }

    @Test
    void aReadOnlyViewReadsButRefusesWrites() {
        BigArrayHandle all = counting();
        BigArrayHandle view = all.slice(2, 4).asReadOnly();
        assertTrue(view.isReadOnly());
        assertFalse(all.isReadOnly());
        assertEquals(9, view.getInt(1));
        Throwable thrown = assertThrows(UnsupportedOperationException.class, () -> view.setInt(0, 5));
        assertTrue(thrown.getMessage().contains("read-only"), thrown.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> view.set(0, new int[] {1}));
        assertThrows(UnsupportedOperationException.class, () -> all.asReadOnly().resize(2));
        assertTrue(view.slice(0, 1).isReadOnly(), "a slice of a read-only view is read-only");
        assertEquals(8, all.getInt(2, 0), "nothing written");
    }

    @Test
    void resizeDropsAndAddsRowsOfZeros() {
        BigArrayHandle all = counting();
        BigArrayHandle tail = all.slice(8, 10);
        all.resize(5);
        assertArrayEquals(new long[] {5, 4}, all.shape());
        assertArrayEquals(IntStream.range(0, 20).toArray(), all.ints().toArray());
        Throwable thrown = assertThrows(IndexOutOfBoundsException.class, () -> tail.getInt(0));
        assertTrue(thrown.getMessage().contains("[8, 10)"), thrown.getMessage());
        c.commit();
        all.resize(7);
        assertEquals(0, all.getInt(6, 3), "rows resized away come back as zeros");
        assertEquals(0, all.getInt(5, 0));
        assertEquals(19, all.getInt(4, 3));
        c.commit();
        assertArrayEquals(new long[] {7, 4}, ((BigArray) c.root().get("a")).shape());
    }

    @Test
    void appendAddsWholeRows() {
        BigArrayHandle all = counting();
        assertEquals(10, all.append(IntBuffer.wrap(new int[] {40, 41, 42, 43, 44, 45, 46, 47})));
        assertArrayEquals(new long[] {12, 4}, all.shape());
        c.commit();
        assertArrayEquals(IntStream.range(0, 48).toArray(), all.ints().toArray());
        Throwable thrown = assertThrows(IllegalArgumentException.class,
                () -> all.append(IntBuffer.wrap(new int[] {1, 2, 3})));
        assertTrue(thrown.getMessage().contains("whole rows of 4 elements to shape [12, 4], not 3"), thrown.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> all.slice(0, 2).append(IntBuffer.allocate(4)));
        assertArrayEquals(new long[] {12, 4}, all.shape());
    }

    @Test
    void aOneDimensionalArrayGrowsByAppends() {
        BigArrayHandle series = store(ElementType.DOUBLE, 0).handle(c);
        for (int i = 0; i < 1000; i++) {
            series.append(DoubleBuffer.wrap(new double[] {i, i + 0.5}));
        }
        c.commit();
        assertEquals(2000, series.size());
        assertEquals(999.5, series.getDouble(1999));
        assertEquals(2 * (999 * 1000 / 2) + 500.0, series.doubles().sum());
    }

    @Test
    void streamsReadPieceByPieceAndWiden() {
        int n = BigArrayHandle.STREAM_PIECE * 2 + 7; // three pieces, the last short
        BigArrayHandle longs = store(ElementType.LONG, n).handle(c);
        longs.set(0, LongStream.range(0, n).map(i -> i * 3).toArray());
        assertArrayEquals(LongStream.range(0, n).map(i -> i * 3).toArray(), longs.longs().toArray());
        PrimitiveIterator.OfLong iterator = longs.slice(n - 2, n).longs().iterator();
        assertEquals(3L * (n - 2), iterator.nextLong());
        assertEquals(3L * (n - 1), iterator.nextLong());
        assertFalse(iterator.hasNext());

        c.root().remove("a");
        BigArrayHandle shorts = store(ElementType.SHORT, 3, 2).handle(c);
        shorts.set(0, new short[] {-1, 2, -3, 4, -5, 6});
        assertArrayEquals(new int[] {-1, 2, -3, 4, -5, 6}, shorts.ints().toArray());
        assertArrayEquals(new long[] {-1, 2, -3, 4, -5, 6}, shorts.longs().toArray());

        c.root().remove("a");
        BigArrayHandle floats = store(ElementType.FLOAT, 3).handle(c);
        floats.set(0, new float[] {0.5f, -1.25f, 3f});
        assertArrayEquals(new double[] {0.5, -1.25, 3}, floats.doubles().toArray());

        c.root().remove("a");
        BigArrayHandle bytes = store(ElementType.BYTE, 2).handle(c);
        bytes.set(0, new byte[] {-128, 127});
        assertArrayEquals(new int[] {-128, 127}, bytes.ints().toArray());
    }

    @Test
    void aStreamOfAnotherKindIsRefused() {
        BigArrayHandle doubles = store(ElementType.DOUBLE, 3).handle(c);
        Throwable thrown = assertThrows(IllegalArgumentException.class, doubles::ints);
        assertTrue(thrown.getMessage().contains("ints() streams [BYTE, SHORT, INT] elements; BigArray("), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("holds DOUBLE"), thrown.getMessage());
        assertThrows(IllegalArgumentException.class, doubles::longs);
        c.root().remove("a");
        assertThrows(IllegalArgumentException.class, store(ElementType.LONG, 3).handle(c)::doubles);
    }
}
