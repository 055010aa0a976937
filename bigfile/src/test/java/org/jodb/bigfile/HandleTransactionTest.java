package org.jodb.bigfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.jodb.ConflictException;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.btree.LongBTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Handles in transactions: snapshots, abort, conflicts, and blocks refreshed after other
 * connections' commits, also when those commits split or shrank a block's chunk tree, switched its
 * format, filled a hole or removed the block.
 */
class HandleTransactionTest {
    /** 256 chunks per block: more than two default buckets (120 entries), so chunk trees split. */
    private static final int CHUNK = 512;
    private static final int BLOCK = 256 * CHUNK;

    private final Database db = Database.inMemory();
    private Connection writer;
    private Connection reader;
    private BigFileHandle writes;
    private BigFileHandle reads;

    @BeforeEach
    void open() {
        try (Connection c = db.open()) {
            BigFile file = Files.store(c, "f", new BigFile(BLOCK, CHUNK, BlockFormat.CHUNKED));
            BigFileHandle handle = file.handle(c);
            handle.write(0, ByteBuffer.wrap(Files.pattern(1, 2 * CHUNK))); // block 0: two chunks
            handle.extend(3L * BLOCK); // blocks 1 and 2: holes
            c.commit();
        }
        writer = db.open();
        reader = db.open();
        writes = Files.named(writer, "f").handle(writer);
        reads = Files.named(reader, "f").handle(reader);
    }

    @AfterEach
    void close() {
        writer.close();
        reader.close();
        db.close();
    }

    /** The reader's view of block 0 before the change, cached in its handle, its transaction ended. */
    private byte[] readerCachesBlock(long number) {
        byte[] before = Files.read(reads, number * BLOCK, BLOCK);
        reader.commit();
        return before;
    }

    private void assertReaderSeesWhatWriterSees(long number) {
        assertArrayEquals(Files.read(writes, number * BLOCK, BLOCK), Files.read(reads, number * BLOCK, BLOCK));
    }

    private StoredBlock stored(Connection c, long number) {
        return Files.named(c, "f").blocks().get(number);
    }

    @Test
    void eachConnectionReadsItsOwnSnapshotUntilItsNextTransaction() {
        byte[] before = Files.read(reads, 0, BLOCK);
        writes.write(7, new byte[] {9}, 0, 1);
        assertEquals(9, Files.read(writes, 7, 1)[0], "a handle reads its own uncommitted write");
        assertArrayEquals(before, Files.read(reads, 0, BLOCK), "uncommitted: invisible to others");
        writer.commit();
        assertArrayEquals(before, Files.read(reads, 0, BLOCK), "committed: still the reader's old snapshot");
        reader.abort();
        assertEquals(9, Files.read(reads, 7, 1)[0], "the next transaction sees it");
    }

    @Test
    void abortDropsUnsavedBlocksAndSize() {
        byte[] before = Files.read(writes, 0, BLOCK);
        writes.write(100, new byte[] {1, 2, 3}, 0, 3);
        writes.write(5L * BLOCK, new byte[] {4}, 0, 1);
        assertEquals(2, writes.changedBlocks());
        writer.abort();
        assertEquals(0, writes.changedBlocks());
        assertEquals(3L * BLOCK, writes.size());
        assertArrayEquals(before, Files.read(writes, 0, BLOCK));
        writer.commit();
        assertEquals(3L * BLOCK, reads.size(), "nothing of it was written");
    }

    @Test
    void abortAfterTruncateForgetsBlocksReadAsHolesMeanwhile() {
        byte[] before = Files.read(writes, 0, BLOCK);
        writes.truncate(0);
        writes.extend(BLOCK);
        assertArrayEquals(new byte[BLOCK], Files.read(writes, 0, BLOCK));
        writer.abort();
        assertArrayEquals(before, Files.read(writes, 0, BLOCK));
    }

    @Test
    void aChangedChunkIsRefreshed() {
        readerCachesBlock(0);
        writes.write(CHUNK + 3, new byte[] {7}, 0, 1);
        writer.commit();
        assertReaderSeesWhatWriterSees(0);
    }

    @Test
    void aChunkTreeThatSplitIsRefreshed() {
        readerCachesBlock(0);
        writes.write(0, ByteBuffer.wrap(Files.pattern(2, BLOCK))); // 256 chunks: the bucket splits
        writer.commit();
        assertTrue(((ChunkedBlock) stored(writer, 0)).chunks().size() > LongBTree.DEFAULT_BUCKET_CAPACITY);
        assertReaderSeesWhatWriterSees(0);
    }

    @Test
    void aChunkTreeThatLostItsBucketsIsRefreshed() {
        writes.write(0, ByteBuffer.wrap(Files.pattern(2, BLOCK)));
        writer.commit();
        readerCachesBlock(0);
        writes.write(CHUNK, ByteBuffer.wrap(new byte[BLOCK - CHUNK])); // zeros: all chunks but one removed
        writer.commit();
        assertEquals(1, ((ChunkedBlock) stored(writer, 0)).chunks().size());
        assertReaderSeesWhatWriterSees(0);
    }

    @Test
    void aBlockStoredInAnotherFormatIsRefreshed() {
        readerCachesBlock(0);
        Files.named(writer, "f").setFormat(BlockFormat.WHOLE);
        writes.write(11, new byte[] {5}, 0, 1);
        writer.commit();
        assertInstanceOf(WholeBlock.class, stored(writer, 0));
        assertReaderSeesWhatWriterSees(0);

        readerCachesBlock(0);
        Files.named(writer, "f").setFormat(BlockFormat.CHUNKED);
        writes.write(12, new byte[] {6}, 0, 1);
        writer.commit();
        assertInstanceOf(ChunkedBlock.class, stored(writer, 0));
        assertReaderSeesWhatWriterSees(0);
    }

    @Test
    void aFilledHoleAndARemovedBlockAreRefreshed() {
        readerCachesBlock(1);
        writes.write(BLOCK + 50, new byte[] {8}, 0, 1);
        writer.commit();
        assertReaderSeesWhatWriterSees(1);

        readerCachesBlock(0);
        writes.truncate(0);
        writes.extend(BLOCK);
        writer.commit();
        assertArrayEquals(new byte[BLOCK], Files.read(reads, 0, BLOCK));
    }

    @Test
    void twoConnectionsChangingOneBlockConflictAndTheLoserDropsItsChange() {
        byte[] mine = Files.read(reads, 0, BLOCK);
        writes.write(1, new byte[] {1}, 0, 1);
        reads.write(BLOCK - 1, new byte[] {2}, 0, 1); // another chunk of the same block
        writer.commit();
        assertThrows(ConflictException.class, reader::commit);
        assertEquals(0, reads.changedBlocks());
        mine[1] = 1;
        assertArrayEquals(mine, Files.read(reads, 0, BLOCK), "the winner's byte, not the loser's");
    }
}
