package org.jodb.bigfile;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Predicate;

/**
 * A handle's loaded blocks by number, least recently used first, and the bytes they take
 * ({@link LoadedBlock#weight()}). Not thread-safe: one per handle.
 */
final class LoadedBlocks {
    private final LinkedHashMap<Long, LoadedBlock> blocks = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    /** The block, now the most recently used, or null if it is not loaded. */
    LoadedBlock get(long number) {
        return blocks.get(number);
    }

    void add(LoadedBlock block) {
        blocks.put(block.number, block);
        bytes += block.weight();
    }

    void remove(LoadedBlock block) {
        if (blocks.remove(block.number) != null) {
            bytes -= block.weight();
        }
    }

    /** Gives a hole its own zeroed bytes, to be written. */
    void allocate(LoadedBlock block, int blockSize) {
        if (block.bytes == null) {
            block.bytes = new byte[blockSize];
            bytes += blockSize;
        }
    }

    /** Turns the block back into a hole (it was stored as one). */
    void release(LoadedBlock block) {
        if (block.bytes != null) {
            bytes -= block.bytes.length;
            block.bytes = null;
        }
    }

    /** Removes the unchanged blocks that {@code stale} selects. */
    void removeUnchangedIf(Predicate<LoadedBlock> stale) {
        for (Iterator<LoadedBlock> it = blocks.values().iterator(); it.hasNext(); ) {
            LoadedBlock block = it.next();
            if (!block.isDirty() && stale.test(block)) {
                it.remove();
                bytes -= block.weight();
            }
        }
    }

    /** Removes unchanged blocks, least recently used first, until the bytes fit {@code budget}. */
    void evictTo(long budget) {
        for (Iterator<LoadedBlock> it = blocks.values().iterator(); bytes > budget && it.hasNext(); ) {
            LoadedBlock block = it.next();
            if (!block.isDirty()) {
                it.remove();
                bytes -= block.weight();
            }
        }
    }

    /**
     * Removes changed blocks, least recently used first, until the bytes fit {@code budget}, and
     * returns them: they are to be spilled.
     */
    List<LoadedBlock> removeChangedOver(long budget) {
        List<LoadedBlock> removed = new ArrayList<>();
        for (Iterator<LoadedBlock> it = blocks.values().iterator(); bytes > budget && it.hasNext(); ) {
            LoadedBlock block = it.next();
            if (block.isDirty()) {
                it.remove();
                bytes -= block.weight();
                removed.add(block);
            }
        }
        return removed;
    }

    /** Blocks from {@code number} on, in no order, as a copy. */
    List<LoadedBlock> from(long number) {
        List<LoadedBlock> found = new ArrayList<>();
        for (LoadedBlock block : blocks.values()) {
            if (block.number >= number) {
                found.add(block);
            }
        }
        return found;
    }

    void clear() {
        blocks.clear();
        bytes = 0;
    }

    long bytes() {
        return bytes;
    }
}
