package org.jodb.bigfile;

import java.lang.ref.WeakReference;
import org.jodb.Connection;
import org.jodb.Persistence;
import org.jodb.Persistent;
import org.jodb.btree.LongBTree;

/**
 * A file of bytes far larger than the heap, stored as fixed-size blocks: a persistent object with
 * a block size, a chunk size, a {@link BlockFormat}, a size in bytes and a {@link LongBTree} from
 * block number to stored block. Blocks never written, and blocks that are all zeros, are holes:
 * they are not stored and read as zeros. Bytes past the size always read as zeros too, so that
 * {@link BigFileHandle#extend extending} a file exposes zeros.
 *
 * <p>Read and write it through its {@link #handle(Connection) handle}, one per file and
 * connection, which keeps a bounded set of blocks in memory and writes the changed ones when the
 * connection commits:
 * <pre>{@code
 * BigFile file = new BigFile();                    // 2 MiB blocks of 4 KiB chunks, AUTO format
 * connection.root().put("data", file);
 * connection.commit();                             // a handle needs a stored file
 * BigFileHandle handle = file.handle(connection);
 * handle.write(10L << 30, ByteBuffer.wrap(bytes)); // 10 GiB of holes, then the bytes
 * connection.commit();
 * }</pre>
 *
 * <p>Not thread-safe: like every persistent object, a file and its handle are used by their
 * connection's thread.
 */
@Persistent(detectChanges = false)
public class BigFile {
    /** Bytes per block unless given: 2 MiB, as wendelin.core's. */
    public static final int DEFAULT_BLOCK_SIZE = 2 << 20;
    /** Bytes per chunk of a chunked block unless given: 4 KiB. */
    public static final int DEFAULT_CHUNK_SIZE = 4 << 10;

    private int blockSize;
    private int chunkSize;
    private BlockFormat format;
    private long size;
    private LongBTree<StoredBlock> blocks;
    /**
     * This connection's handle of this file (each connection has its own instance of the file).
     * Weak: the connection holds its handles while open; once it is closed, a pooled cache that
     * keeps this instance must not keep the handle's blocks.
     */
    private transient WeakReference<BigFileHandle> handle;

    /** An empty file with 2 MiB blocks of 4 KiB chunks, stored in the {@link BlockFormat#AUTO} format. */
    public BigFile() {
        this(DEFAULT_BLOCK_SIZE, DEFAULT_CHUNK_SIZE, BlockFormat.AUTO);
    }

    /**
     * An empty file.
     *
     * @param blockSize bytes per block: positive, a multiple of {@code chunkSize}
     * @param chunkSize bytes per chunk of a chunked block (and the unit in which a handle tracks
     *                  changes): positive
     * @param format    how changed blocks are stored
     * @throws IllegalArgumentException if a size is not positive or the block size is not a multiple of the chunk size
     * @throws NullPointerException     if {@code format} is null
     */
    public BigFile(int blockSize, int chunkSize, BlockFormat format) {
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("chunk size must be positive, not " + chunkSize);
        }
        if (blockSize <= 0 || blockSize % chunkSize != 0) {
            throw new IllegalArgumentException("block size must be a positive multiple of the chunk size "
                    + chunkSize + ", not " + blockSize);
        }
        if (format == null) {
            throw new NullPointerException("format");
        }
        this.blockSize = blockSize;
        this.chunkSize = chunkSize;
        this.format = format;
        this.blocks = new LongBTree<>();
    }

    /**
     * This file's handle for {@code connection}: the one it already has, else a new one, which joins
     * the connection's transactions until the connection is closed.
     *
     * @throws IllegalStateException    if the file was never committed, or the connection is closed
     * @throws IllegalArgumentException if the file was loaded through another connection
     */
    public BigFileHandle handle(Connection connection) {
        BigFileHandle current = handle == null ? null : handle.get();
        if (current == null || !current.isFor(connection)) {
            current = new BigFileHandle(connection, this);
            handle = new WeakReference<>(current);
        }
        return current;
    }

    /** Bytes per block. */
    public int blockSize() {
        return blockSize;
    }

    /** Bytes per chunk. */
    public int chunkSize() {
        return chunkSize;
    }

    /** How changed blocks are stored. */
    public BlockFormat format() {
        return format;
    }

    /**
     * Sets how blocks are stored from the next commit on; blocks already stored keep their format
     * until they change.
     */
    public void setFormat(BlockFormat format) {
        if (format == null) {
            throw new NullPointerException("format");
        }
        this.format = format;
    }

    /** The size in bytes, as this connection's transaction sees it (its own writes included). */
    public long size() {
        return size;
    }

    void setSize(long size) {
        this.size = size;
    }

    LongBTree<StoredBlock> blocks() {
        return blocks;
    }

    /** Writes this object, so that other connections' handles re-read which blocks exist. */
    void touch() {
        Persistence.markChanged(this);
    }

    @Override
    public String toString() {
        return "BigFile(" + Persistence.oid(this) + ", " + size + " bytes in blocks of " + blockSize + ")";
    }
}
