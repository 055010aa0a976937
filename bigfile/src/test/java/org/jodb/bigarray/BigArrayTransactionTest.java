package org.jodb.bigarray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.DoubleBuffer;
import java.util.stream.DoubleStream;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.bigfile.BigFile;
import org.jodb.bigfile.BlockFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two connections see their own snapshots of one array; abort drops element and shape changes. */
class BigArrayTransactionTest {
    private static final int N = 1000; // 8,000 bytes: blocks of 1 KiB

    private final Database db = Database.inMemory();
    private Connection writer;
    private Connection reader;
    private BigArrayHandle writes;
    private BigArrayHandle reads;

    @BeforeEach
    void open() {
        try (Connection c = db.open()) {
            BigArray array = new BigArray(new BigFile(1024, 128, BlockFormat.AUTO), ElementType.DOUBLE, N);
            c.root().put("a", array);
            c.commit();
            array.handle(c).set(0, DoubleStream.iterate(0, x -> x + 1).limit(N).toArray());
            c.commit();
        }
        writer = db.open();
        reader = db.open();
        writes = ((BigArray) writer.root().get("a")).handle(writer);
        reads = ((BigArray) reader.root().get("a")).handle(reader);
    }

    @AfterEach
    void close() {
        writer.close();
        reader.close();
        db.close();
    }

    @Test
    void aConnectionHasOneHandlePerArray() {
        BigArray array = (BigArray) writer.root().get("a");
        assertSame(writes, array.handle(writer));
    }

    @Test
    void eachConnectionSeesItsOwnSnapshot() {
        assertEquals(500.0, reads.getDouble(500));
        writes.setDouble(500, -1);
        writes.append(DoubleBuffer.wrap(new double[] {7, 8}));
        assertEquals(-1, writes.getDouble(500), "a connection reads its own uncommitted writes");
        assertEquals(500.0, reads.getDouble(500), "uncommitted: invisible to others");
        assertEquals(N, reads.size());
        writer.commit();
        assertEquals(500.0, reads.getDouble(500), "committed: still the reader's old snapshot");
        assertEquals(N, reads.size());
        reader.commit();
        assertEquals(-1, reads.getDouble(500), "the reader's next transaction sees it");
        assertArrayEquals(new long[] {N + 2}, reads.shape());
        assertEquals(8.0, reads.getDouble(N + 1));
    }

    @Test
    void abortDropsChangedElementsAndShape() {
        writes.setDouble(3, -3);
        writes.set(100, new double[300]);
        writes.resize(N / 2);
        writer.abort();
        assertArrayEquals(new long[] {N}, writes.shape());
        assertEquals(3.0, writes.getDouble(3));
        assertEquals(N * (N - 1) / 2.0, writes.doubles().sum());

        writes.resize(N / 2);
        writer.commit();
        writes.append(DoubleBuffer.wrap(new double[] {1, 2, 3}));
        writer.abort();
        assertEquals(N / 2, writes.size());
        writes.resize(N);
        assertEquals(0.0, writes.getDouble(N - 1), "rows resized away stay away");
    }
}
