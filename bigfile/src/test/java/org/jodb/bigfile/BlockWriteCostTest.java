package org.jodb.bigfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.jodb.Connection;
import org.jodb.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a commit writes for each block format, in bytes handed to the storage, with the default
 * 2 MiB blocks of 4 KiB chunks.
 */
class BlockWriteCostTest {
    private static final int BLOCK = BigFile.DEFAULT_BLOCK_SIZE;
    private static final int CHUNK = BigFile.DEFAULT_CHUNK_SIZE;
    /** A chunk record, the block record and slack for record framing: a few hundred bytes. */
    private static final long SMALL_CHANGE_BOUND = CHUNK + 512;

    private final WriteCountingStorage storage = new WriteCountingStorage();
    private final Database db = Database.open(storage);
    private final Connection connection = db.open();

    @AfterEach
    void close() {
        connection.close();
        db.close();
    }

    private BigFileHandle fullBlockFile(BlockFormat format) {
        BigFile file = Files.store(connection, "f", new BigFile(BLOCK, CHUNK, format));
        BigFileHandle handle = file.handle(connection);
        handle.write(0, ByteBuffer.wrap(Files.pattern(3, BLOCK)));
        connection.commit();
        return handle;
    }

    /** Bytes the storage was handed by committing after {@code change}. */
    private long bytesOf(Runnable change) {
        long before = storage.bytesWritten();
        change.run();
        connection.commit();
        return storage.bytesWritten() - before;
    }

    private static void setOneByte(BigFileHandle handle, long position) {
        handle.write(position, new byte[] {42}, 0, 1);
    }

    private StoredBlock stored(long number) {
        return Files.named(connection, "f").blocks().get(number);
    }

    @Test
    void oneByteInAChunkedBlockWritesOneChunkAndTheBlockRecord() {
        BigFileHandle handle = fullBlockFile(BlockFormat.CHUNKED);
        long written = bytesOf(() -> setOneByte(handle, BLOCK / 2 + 5));
        System.out.println("one byte changed in a committed chunked 2 MiB block: " + written + " bytes written");
        assertTrue(written <= SMALL_CHANGE_BOUND, written + " bytes written");
        assertTrue(written >= CHUNK, "the changed chunk is written: " + written);
        assertEquals(42, Files.read(handle, BLOCK / 2 + 5, 1)[0]);
    }

    @Test
    void oneByteInAWholeBlockRewritesTheBlock() {
        BigFileHandle handle = fullBlockFile(BlockFormat.WHOLE);
        long written = bytesOf(() -> setOneByte(handle, BLOCK / 2 + 5));
        System.out.println("one byte changed in a committed whole 2 MiB block: " + written + " bytes written");
        assertTrue(written >= BLOCK, written + " bytes written");
    }

    @Test
    void autoKeepsAppendedBlocksChunkedUntilFullThenStoresThemWhole() {
        BigFile file = Files.store(connection, "f", new BigFile(BLOCK, CHUNK, BlockFormat.AUTO));
        BigFileHandle handle = file.handle(connection);
        int step = BLOCK * 14 / 1000; // 1.4% of a block per append, as wendelin.core's benchmark
        byte[] data = Files.pattern(4, step);
        long largestAppend = 0;
        while (handle.size() + step < BLOCK) {
            long at = handle.size();
            largestAppend = Math.max(largestAppend, bytesOf(() -> handle.write(at, ByteBuffer.wrap(data))));
            assertInstanceOf(ChunkedBlock.class, stored(0), "a block being appended to stays chunked");
        }
        int chunksPerAppend = step / CHUNK + 2; // a partial chunk at each end
        assertTrue(largestAppend <= (long) chunksPerAppend * CHUNK + 2048,
                "an append writes the chunks it touches (and a bucket): " + largestAppend);
        long at = handle.size();
        bytesOf(() -> handle.write(at, ByteBuffer.wrap(data))); // crosses into block 1
        assertInstanceOf(WholeBlock.class, stored(0), "the append that fills block 0 stores it whole");
        assertInstanceOf(ChunkedBlock.class, stored(1));
    }

    @Test
    void autoMakesAWholeBlockChunkedAtASmallChangeAndWholeAgainAtALargeOne() {
        BigFileHandle handle = fullBlockFile(BlockFormat.AUTO);
        assertInstanceOf(WholeBlock.class, stored(0), "a block written in full is stored whole");
        long conversion = bytesOf(() -> setOneByte(handle, 100));
        assertInstanceOf(ChunkedBlock.class, stored(0), "a small change makes it chunked");
        assertTrue(conversion >= BLOCK, "the conversion writes every chunk once: " + conversion);
        long next = bytesOf(() -> setOneByte(handle, BLOCK - 1));
        assertTrue(next <= SMALL_CHANGE_BOUND, "then small changes write a chunk: " + next);
        assertInstanceOf(ChunkedBlock.class, stored(0), "a change of its last chunk keeps a full block chunked");
        bytesOf(() -> handle.write(0, ByteBuffer.wrap(Files.pattern(5, BLOCK * 3 / 4))));
        assertInstanceOf(WholeBlock.class, stored(0), "a rewrite of most of it stores it whole");
    }
}
