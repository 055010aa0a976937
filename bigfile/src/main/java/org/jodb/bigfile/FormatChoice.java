package org.jodb.bigfile;

import java.util.BitSet;

/**
 * The {@link BlockFormat#AUTO} rule: which format a commit stores a changed block in, from how much
 * of it changed and what is stored now.
 *
 * <ol>
 * <li>More than half of the block's chunks changed: {@link BlockFormat#WHOLE}. The commit rewrites
 *     most of the block whichever the format, and a whole block reads fastest.</li>
 * <li>The block is stored chunked, its last chunk was not stored (the block had a tail of zeros)
 *     and after this change no chunk is all zeros: {@link BlockFormat#WHOLE}. That is the append
 *     that fills a block: appends stopped rewriting it, so it is written once more, whole, and
 *     reads fast from then on. A full block changed at random never meets this (its last chunk is
 *     stored), so random small changes do not flip it back and forth.</li>
 * <li>Otherwise, a small change: {@link BlockFormat#CHUNKED}. A whole or new block becomes
 *     chunked at its first small change (that commit writes its chunks once); later small changes
 *     write only the chunks they touch.</li>
 * </ol>
 *
 * On wendelin.core's two workloads (appends of 1.4% of a block; 20% of the bytes rewritten at
 * random positions) this keeps appending blocks chunked until full and then whole, and randomly
 * changed blocks chunked.
 */
final class FormatChoice {
    private FormatChoice() {
    }

    /**
     * The format to store {@code block} in.
     *
     * @param requested     the file's format; anything but {@code AUTO} is returned as it is
     * @param current       the block as stored now, or null for a hole
     * @param block         the block's new bytes
     * @param changedChunks the indexes of the chunks this commit changes
     * @param chunkSize     bytes per chunk
     */
    static BlockFormat choose(BlockFormat requested, StoredBlock current, byte[] block, BitSet changedChunks,
                              int chunkSize) {
        if (requested != BlockFormat.AUTO) {
            return requested;
        }
        int chunks = block.length / chunkSize;
        if (changedChunks.cardinality() * 2 > chunks) {
            return BlockFormat.WHOLE;
        }
        if (current instanceof ChunkedBlock && !((ChunkedBlock) current).hasChunkAt((long) (chunks - 1) * chunkSize)
                && changedChunks.get(chunks - 1) && noZeroChunk(block, chunkSize)) {
            return BlockFormat.WHOLE;
        }
        return BlockFormat.CHUNKED;
    }

    private static boolean noZeroChunk(byte[] block, int chunkSize) {
        for (int offset = 0; offset < block.length; offset += chunkSize) {
            if (BlockBytes.isZero(block, offset, chunkSize)) {
                return false;
            }
        }
        return true;
    }
}
