package org.jodb.bigfile;

import java.util.BitSet;
import java.util.List;
import org.jodb.btree.LongBTree;

/**
 * Stores a handle's changed blocks into a file's persistent objects, just before a commit collects
 * them: in the format {@link FormatChoice} gives, changing a stored block in place when it already
 * has that format, else putting a new one in the file's block tree and marking the replaced one
 * written (see {@link StoredBlock}). A block that became all zeros is removed: a hole again.
 */
final class BlockWriter {
    private final BigFile file;
    private final int blockSize;
    private final int chunkSize;

    BlockWriter(BigFile file) {
        this.file = file;
        this.blockSize = file.blockSize();
        this.chunkSize = file.chunkSize();
    }

    /**
     * Stores {@code block}; returns the stored block now holding it (null for a hole). Stored
     * blocks it replaced or removed are added to {@code retired}.
     */
    StoredBlock store(LoadedBlock block, List<StoredBlock> retired) {
        return store(block.number, block.bytes, block.changedChunks, retired, null);
    }

    /**
     * Stores block {@code number}, whose new bytes are {@code bytes}, as {@link #store(LoadedBlock, List)}
     * does; but if {@code ahead} is not null, the new block data (a whole block, or the chunks it
     * writes) are fresh objects queued in {@code ahead}, so that they leave the heap before the
     * commit, which then only refers to them.
     */
    StoredBlock store(long number, byte[] bytes, BitSet changedChunks, List<StoredBlock> retired, AheadBatch ahead) {
        LongBTree<StoredBlock> blocks = file.blocks();
        StoredBlock current = blocks.get(number);
        if (BlockBytes.isZero(bytes, 0, blockSize)) {
            if (current != null) {
                blocks.remove(number);
                retire(current, retired);
            }
            return null;
        }
        BlockFormat format = FormatChoice.choose(file.format(), current, bytes, changedChunks, chunkSize);
        if (format == BlockFormat.WHOLE) {
            byte[] trimmed = BlockBytes.trimmedCopy(bytes, 0, blockSize);
            if (ahead != null) {
                WholeBlock fresh = new WholeBlock(trimmed);
                ahead.add(fresh, trimmed.length);
                return replace(number, current, fresh, retired);
            }
            if (current instanceof WholeBlock) {
                ((WholeBlock) current).write(trimmed);
                return current;
            }
            return replace(number, current, new WholeBlock(trimmed), retired);
        }
        if (current instanceof ChunkedBlock) {
            ((ChunkedBlock) current).write(bytes, changedChunks, ahead);
            return current;
        }
        ChunkedBlock chunked = new ChunkedBlock(chunkSize);
        BitSet all = new BitSet();
        all.set(0, blockSize / chunkSize);
        chunked.write(bytes, all, ahead);
        return replace(number, current, chunked, retired);
    }

    private StoredBlock replace(long number, StoredBlock current, StoredBlock fresh, List<StoredBlock> retired) {
        file.blocks().put(number, fresh);
        if (current != null) {
            retire(current, retired);
        } else {
            file.touch(); // a hole filled: handles that hold it as a hole watch the file's oid
        }
        return fresh;
    }

    private static void retire(StoredBlock block, List<StoredBlock> retired) {
        block.retire();
        retired.add(block);
    }
}
