package org.jodb.bigfile;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import org.jodb.Connection;
import org.jodb.Persistence;
import org.jodb.TransactionParticipant;
import org.jodb.btree.LongBTree;

/**
 * Reads and writes one {@link BigFile} through one {@link Connection}: the only way to its bytes.
 * Obtain it with {@link BigFile#handle(Connection)}; a connection has one handle per file.
 *
 * <p><b>Memory.</b> The handle keeps the blocks it has read or written, up to a budget of bytes
 * ({@link #DEFAULT_BUDGET_BYTES} unless {@linkplain #setBudgetBytes set}); beyond it the least
 * recently used unchanged blocks are dropped, and if that is not enough, the least recently used
 * changed blocks are spilled to a temporary file (see {@link #setSpillDirectory}), read back when
 * used again or committed, so one transaction may write more than the heap holds. The spill file
 * is deleted when the transaction commits or aborts (closing the connection aborts). Once a block's
 * bytes are copied in, every persistent object read to get them (the stored block, its chunk
 * tree's nodes and buckets, its chunks, the file's block-tree buckets) is turned back into a ghost
 * with {@link Persistence#deactivateDeep}, so that reading a file many times the heap leaves
 * nothing of it in the connection's object cache.
 *
 * <p><b>Transactions.</b> The handle joins its connection's transactions
 * ({@link TransactionParticipant}): writes change only its copy of a block, marking the chunks they
 * touch; {@code commit()} stores the changed blocks ({@link BlockFormat}) in the same storage commit
 * as every other change; {@code abort()} drops them. Size changes ({@link #write} past the end,
 * {@link #truncate}, {@link #extend}) change the file object at once, and abort with it. Reads see
 * the transaction's snapshot plus its own writes. When a transaction begins after other
 * connections committed, the handle drops the blocks they wrote (whatever they did inside: a block
 * written in another format, a chunk tree that split or merged, a hole filled, a block removed),
 * because every such commit also writes the stored block object, or the file for a filled hole.
 * Two transactions that change the same block conflict ({@link org.jodb.ConflictException}) on
 * that object.
 *
 * <p><b>Large commits.</b> A commit whose changed blocks take more than
 * {@link AheadBatch#BATCH_BYTES 8 MiB} (or that spilled any) first stores their new data (whole
 * blocks, or the chunks it writes) a few blocks at a time, each batch in a storage commit of its
 * own that nothing refers to yet ({@link Connection#storeAhead}), then refers to it in the
 * transaction's own commit: its heap stays bounded however much it writes. Should that commit
 * fail, the data stored ahead is garbage, which the next garbage collection removes.
 *
 * <p><b>Positions.</b> Byte positions are longs from 0; bulk reads and writes of any length at any
 * position go through {@link ByteBuffer}s (heap or direct), so a typed view can copy elements in
 * and out in place. Savepoints do not cover a handle's unsaved blocks.
 *
 * <p>Not thread-safe: use it on the thread that uses its connection.
 */
public final class BigFileHandle implements TransactionParticipant {
    /** The default budget of loaded blocks: 64 MiB (32 blocks of 2 MiB). */
    public static final long DEFAULT_BUDGET_BYTES = 64L << 20;
    private static final byte[] ZEROS = new byte[8 << 10];

    private final Connection connection;
    private final BigFile file;
    private final long fileOid;
    private final int blockSize;
    private final int chunkSize;
    private final BlockWriter writer;
    /** Loaded blocks, changed ones included. */
    private final LoadedBlocks loaded = new LoadedBlocks();
    /** Blocks with unsaved changes, in block order. */
    private final TreeMap<Long, LoadedBlock> dirty = new TreeMap<>();
    /** Stored blocks written by the commit in progress (null for holes), in {@link #dirty}'s order. */
    private final List<StoredBlock> written = new ArrayList<>();
    /** Stored blocks replaced or removed in this transaction, to ghost once committed. */
    private final List<StoredBlock> retired = new ArrayList<>();
    /** Changed blocks not in memory, in the temporary file. */
    private final SpillArea spill;
    private long budgetBytes = DEFAULT_BUDGET_BYTES;
    /** Whether this transaction removed stored blocks (a truncate): an abort then forgets every block. */
    private boolean removedBlocks;

    BigFileHandle(Connection connection, BigFile file) {
        if (!connection.isOpen()) {
            throw new IllegalStateException("connection is closed");
        }
        long oid = Persistence.oid(file);
        if (oid == 0) {
            throw new IllegalStateException("the BigFile was never committed: store it (reach it from the root), "
                    + "commit, then open its handle");
        }
        if (connection.get(oid) != file) {
            throw new IllegalArgumentException("BigFile " + oid + " was loaded through another connection");
        }
        this.connection = connection;
        this.file = file;
        this.fileOid = oid;
        this.blockSize = file.blockSize();
        this.chunkSize = file.chunkSize();
        this.writer = new BlockWriter(file);
        this.spill = new SpillArea(blockSize, Path.of(System.getProperty("java.io.tmpdir")));
        connection.join(this);
    }

    boolean isFor(Connection other) {
        return connection == other && connection.isOpen();
    }

    /** The file. */
    public BigFile file() {
        return file;
    }

    /** The file's size in bytes, this transaction's writes included. */
    public long size() {
        checkOpen();
        return file.size();
    }

    /** The most bytes of blocks this handle keeps in memory (changed blocks beyond it are spilled). */
    public long budgetBytes() {
        return budgetBytes;
    }

    /**
     * Sets the budget of loaded blocks; unchanged blocks beyond it are dropped at once, changed
     * ones spilled.
     *
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public void setBudgetBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("budget must not be negative, not " + bytes);
        }
        budgetBytes = bytes;
        evict();
    }

    /**
     * Sets the directory in which the next spill file is created (by default {@code java.io.tmpdir});
     * created if missing.
     *
     * @throws NullPointerException if {@code directory} is null
     */
    public void setSpillDirectory(Path directory) {
        if (directory == null) {
            throw new NullPointerException("directory");
        }
        spill.setDirectory(directory);
    }

    /** Bytes of the blocks loaded now, with {@link LoadedBlock#OVERHEAD} per block. */
    public long loadedBytes() {
        return loaded.bytes();
    }

    /** Blocks with changes not yet committed, spilled ones included. */
    public int changedBlocks() {
        return dirty.size();
    }

    /** The spill file in use, or null if this transaction spilled nothing (for tests). */
    Path spillFile() {
        return spill.path();
    }

    /**
     * Reads bytes from {@code position} into {@code dst}, up to its remaining space or the end of
     * the file; holes read as zeros.
     *
     * @return the number of bytes read, or -1 if {@code position} is at or past the end and
     * {@code dst} has space
     * @throws IllegalArgumentException if {@code position} is negative
     */
    public int read(long position, ByteBuffer dst) {
        checkPosition(position);
        long size = size();
        if (!dst.hasRemaining()) {
            return 0;
        }
        if (position >= size) {
            return -1;
        }
        int total = (int) Math.min(dst.remaining(), size - position);
        for (int done = 0; done < total; ) {
            long at = position + done;
            long number = at / blockSize;
            int offset = (int) (at % blockSize);
            int length = Math.min(total - done, blockSize - offset);
            LoadedBlock block = block(number);
            if (block.bytes == null) {
                putZeros(dst, length);
            } else {
                dst.put(block.bytes, offset, length);
            }
            done += length;
            evict();
        }
        return total;
    }

    /** Reads into {@code dst[offset, offset + length)}; see {@link #read(long, ByteBuffer)}. */
    public int read(long position, byte[] dst, int offset, int length) {
        return read(position, ByteBuffer.wrap(dst, offset, length));
    }

    /**
     * Writes {@code src}'s remaining bytes at {@code position}, extending the file if they reach
     * past its end (with holes between the old end and {@code position}). The bytes are stored at
     * the next commit.
     *
     * @throws IllegalArgumentException if {@code position} is negative or the end would pass {@link Long#MAX_VALUE}
     * @throws IllegalStateException    if the connection is closed or read-only
     */
    public void write(long position, ByteBuffer src) {
        checkPosition(position);
        int total = src.remaining();
        if (position > Long.MAX_VALUE - total) {
            throw new IllegalArgumentException("a write of " + total + " bytes at " + position
                    + " would end past the largest size, " + Long.MAX_VALUE);
        }
        checkWritable();
        if (total == 0) {
            return; // like FileChannel: an empty write does not extend the file
        }
        long size = file.size(); // begins the transaction: the blocks changed are read from its snapshot
        for (int done = 0; done < total; ) {
            long at = position + done;
            long number = at / blockSize;
            int offset = (int) (at % blockSize);
            int length = Math.min(total - done, blockSize - offset);
            LoadedBlock block = length == blockSize ? blockToOverwrite(number) : block(number);
            loaded.allocate(block, blockSize);
            src.get(block.bytes, offset, length);
            markChanged(block, offset, length);
            done += length;
            evict();
        }
        if (position + total > size) {
            file.setSize(position + total);
        }
    }

    /** Writes {@code src[offset, offset + length)}; see {@link #write(long, ByteBuffer)}. */
    public void write(long position, byte[] src, int offset, int length) {
        write(position, ByteBuffer.wrap(src, offset, length));
    }

    /**
     * Cuts the file to {@code newSize} bytes: blocks past it are removed at the next commit and the
     * rest of the last block reads as zeros.
     *
     * @throws IllegalArgumentException if {@code newSize} is negative or larger than the size
     * @throws IllegalStateException    if the connection is closed or read-only
     */
    public void truncate(long newSize) {
        checkWritable();
        long size = file.size();
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("cannot truncate a file of " + size + " bytes to " + newSize
                    + " bytes: the new size must be between 0 and the size");
        }
        long kept = (newSize + blockSize - 1) / blockSize; // blocks [0, kept) stay
        loaded.from(kept).forEach(this::forget);
        new ArrayList<>(dirty.tailMap(kept).values()).forEach(this::forget); // spilled ones
        LongBTree<StoredBlock> blocks = file.blocks();
        List<Long> removed = new ArrayList<>(blocks.tailMap(kept, true).keySet());
        for (long number : removed) {
            StoredBlock block = blocks.remove(number);
            block.retire();
            retired.add(block);
            removedBlocks = true;
        }
        int tail = (int) (newSize % blockSize);
        if (tail != 0) {
            LoadedBlock last = block(kept - 1);
            if (last.bytes != null) {
                Arrays.fill(last.bytes, tail, blockSize, (byte) 0);
                markChanged(last, tail, blockSize - tail);
            }
        }
        file.setSize(newSize);
        Persistence.deactivateDeep(blocks);
        evict();
    }

    /**
     * Grows the file to {@code newSize} bytes; the new bytes read as zeros and take no space.
     *
     * @throws IllegalArgumentException if {@code newSize} is smaller than the size
     * @throws IllegalStateException    if the connection is closed or read-only
     */
    public void extend(long newSize) {
        checkWritable();
        long size = file.size();
        if (newSize < size) {
            throw new IllegalArgumentException("cannot extend a file of " + size + " bytes to " + newSize
                    + " bytes: the new size must not be smaller");
        }
        file.setSize(newSize);
    }

    // ---- the transaction: called by the connection, never by the application ------------------------

    @Override
    public void beforeCommit() {
        written.clear();
        if (spill.path() == null && (long) dirty.size() * blockSize <= AheadBatch.BATCH_BYTES) {
            for (LoadedBlock block : dirty.values()) {
                written.add(writer.store(block, retired));
            }
            return;
        }
        AheadBatch ahead = new AheadBatch(connection);
        byte[] spilled = null;
        for (LoadedBlock block : dirty.values()) {
            byte[] bytes = block.bytes;
            if (block.isSpilled()) {
                spilled = spilled == null ? new byte[blockSize] : spilled;
                spill.read(block.spillSlot, spilled);
                bytes = spilled;
            }
            written.add(writer.store(block.number, bytes, block.changedChunks, retired, ahead));
        }
        ahead.flush();
    }

    @Override
    public void afterCommit() {
        int i = 0;
        for (LoadedBlock block : dirty.values()) {
            StoredBlock stored = written.get(i++);
            block.changedChunks = null;
            if (block.isSpilled()) { // not in memory: nothing to keep
                block.spillSlot = -1;
            } else if (stored == null) { // stored as a hole
                block.storedOid = 0;
                loaded.release(block);
            } else {
                block.storedOid = Persistence.oid(stored);
            }
            if (stored != null) {
                stored.release();
            }
        }
        retired.forEach(StoredBlock::release);
        if (!dirty.isEmpty() || !retired.isEmpty()) {
            Persistence.deactivateDeep(file.blocks());
        }
        endTransaction();
        evict();
    }

    @Override
    public void afterAbort() {
        if (removedBlocks) {
            loaded.clear(); // blocks read after the removal as holes exist again
        } else {
            for (LoadedBlock block : new ArrayList<>(dirty.values())) {
                forget(block);
            }
        }
        endTransaction();
    }

    @Override
    public void transactionBegins(LongPredicate changedByOthers) {
        boolean fileChanged = changedByOthers.test(fileOid);
        loaded.removeUnchangedIf(block -> block.storedOid == 0 ? fileChanged : changedByOthers.test(block.storedOid));
    }

    private void endTransaction() {
        spill.delete();
        dirty.clear();
        written.clear();
        retired.clear();
        removedBlocks = false;
    }

    // ---- blocks ------------------------------------------------------------------------------------

    /** The block, loaded (or taken back from the spill file) if it is not. */
    private LoadedBlock block(long number) {
        LoadedBlock block = loaded.get(number);
        if (block != null) {
            return block;
        }
        block = dirty.get(number);
        if (block != null) { // spilled
            block.bytes = new byte[blockSize];
            spill.read(block.spillSlot, block.bytes);
            unspill(block);
            return block;
        }
        return load(number);
    }

    /** The block, without reading its bytes if it is not loaded: all of them are about to be written. */
    private LoadedBlock blockToOverwrite(long number) {
        LoadedBlock block = loaded.get(number);
        if (block == null) {
            block = dirty.get(number); // spilled: its changed chunks stay marked
            if (block != null) {
                unspill(block);
            } else {
                block = new LoadedBlock(number, null, 0);
                loaded.add(block);
            }
        }
        return block;
    }

    /** Puts a spilled block back among the loaded ones and frees its slot. */
    private void unspill(LoadedBlock block) {
        spill.free(block.spillSlot);
        block.spillSlot = -1;
        loaded.add(block);
    }

    private LoadedBlock load(long number) {
        LongBTree<StoredBlock> blocks = file.blocks();
        StoredBlock stored = blocks.get(number);
        LoadedBlock block;
        if (stored == null) {
            block = new LoadedBlock(number, null, 0);
        } else {
            block = new LoadedBlock(number, new byte[blockSize], Persistence.oid(stored));
            stored.readInto(block.bytes);
        }
        Persistence.deactivateDeep(blocks); // its buckets hold the stored block, a ghost now
        loaded.add(block);
        return block;
    }

    private void markChanged(LoadedBlock block, int offset, int length) {
        if (block.changedChunks == null) {
            block.changedChunks = new BitSet(blockSize / chunkSize);
            dirty.put(block.number, block);
        }
        block.changedChunks.set(offset / chunkSize, (offset + length - 1) / chunkSize + 1);
    }

    /**
     * Drops unchanged blocks, least recently used first, until the loaded bytes fit the budget;
     * if they still do not, spills changed ones, least recently used first.
     */
    private void evict() {
        loaded.evictTo(budgetBytes);
        if (loaded.bytes() > budgetBytes) {
            for (LoadedBlock block : loaded.removeChangedOver(budgetBytes)) {
                block.spillSlot = spill.write(block.bytes);
                block.bytes = null;
            }
        }
    }

    /** Forgets a block, changed or not, spilled or not. */
    private void forget(LoadedBlock block) {
        loaded.remove(block);
        dirty.remove(block.number);
        if (block.isSpilled()) {
            spill.free(block.spillSlot);
            block.spillSlot = -1;
        }
    }

    private static void putZeros(ByteBuffer dst, int length) {
        for (int left = length; left > 0; ) {
            int n = Math.min(left, ZEROS.length);
            dst.put(ZEROS, 0, n);
            left -= n;
        }
    }

    private static void checkPosition(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative, not " + position);
        }
    }

    private void checkOpen() {
        if (!connection.isOpen()) {
            throw new IllegalStateException("the handle's connection is closed");
        }
    }

    private void checkWritable() {
        checkOpen();
        if (connection.isReadOnly()) {
            throw new IllegalStateException("cannot change BigFile " + fileOid + ": the connection is read-only");
        }
    }
}
