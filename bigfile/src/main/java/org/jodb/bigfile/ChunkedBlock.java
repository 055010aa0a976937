package org.jodb.bigfile;

import java.util.BitSet;
import java.util.Map;
import org.jodb.Persistence;
import org.jodb.Persistent;
import org.jodb.btree.LongBTree;

/**
 * A block stored as a B+tree from chunk offset (bytes from the block's start) to {@link Chunk};
 * chunks that are all zeros are not stored. A change writes the chunks it touches, the buckets
 * of the tree whose entries it adds or removes, and this object (see {@link StoredBlock}).
 */
@Persistent(detectChanges = false)
final class ChunkedBlock extends StoredBlock {
    private int chunkSize;
    private LongBTree<Chunk> chunks;

    ChunkedBlock(int chunkSize) {
        this.chunkSize = chunkSize;
        this.chunks = new LongBTree<>();
    }

    /**
     * Stores the chunks of {@code block} that {@code changedChunks} marks (by chunk index). With
     * {@code ahead} null, a chunk already stored is rewritten in place (the bucket that refers to it
     * is not); else every chunk written is a fresh one queued in {@code ahead}, so that its bytes leave
     * the heap before the commit.
     */
    void write(byte[] block, BitSet changedChunks, AheadBatch ahead) {
        LongBTree<Chunk> tree = chunks;
        for (int i = changedChunks.nextSetBit(0); i >= 0; i = changedChunks.nextSetBit(i + 1)) {
            int offset = i * chunkSize;
            byte[] bytes = BlockBytes.trimmedCopy(block, offset, chunkSize);
            if (bytes.length == 0) {
                tree.remove(offset);
            } else if (ahead != null) {
                Chunk fresh = new Chunk(bytes);
                ahead.add(fresh, bytes.length);
                tree.put(offset, fresh);
            } else {
                Chunk chunk = tree.get(offset);
                if (chunk == null) {
                    tree.put(offset, new Chunk(bytes));
                } else {
                    chunk.write(bytes); // in place: the bucket that refers to it is not rewritten
                }
            }
        }
        markWritten();
    }

    /** Whether a non-zero chunk is stored at this offset. */
    boolean hasChunkAt(long offset) {
        return chunks.containsKey(offset);
    }

    @Override
    void readInto(byte[] block) {
        for (Map.Entry<Long, Chunk> entry : chunks.entrySet()) {
            byte[] bytes = entry.getValue().data();
            System.arraycopy(bytes, 0, block, (int) (long) entry.getKey(), bytes.length);
        }
        release();
    }

    /**
     * Ghosts the chunk tree deeply (its chunks, buckets and nodes), then this object: ghosting only
     * the chunks would leave the buckets in the cache, and they would keep the chunks reachable.
     */
    @Override
    void release() {
        LongBTree<Chunk> tree = chunks;
        Persistence.deactivateDeep(tree);
        Persistence.deactivate(this);
    }

    /** The chunk tree, for tests that look inside. */
    LongBTree<Chunk> chunks() {
        return chunks;
    }
}
