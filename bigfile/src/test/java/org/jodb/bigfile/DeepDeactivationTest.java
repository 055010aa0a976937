package org.jodb.bigfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.Persistence;
import org.jodb.btree.LongBTree;
import org.jodb.cache.PersistentObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * wendelin.core's ZBlk1 bug (seeds/zblk1-whole-btree-deactivation.txt): ghosting only the chunk
 * objects after reading a chunked block leaves the chunk tree's buckets loaded, and they keep the
 * chunk objects in memory. A handle deep-deactivates everything it loaded instead.
 */
class DeepDeactivationTest {
    private static final int CHUNK = 512;
    private static final int BLOCK = 128 * CHUNK; // two buckets of chunks per block
    private static final int BLOCKS = 20;
    private static final List<String> BLOCK_PARTS = List.of(Chunk.class.getName(), ChunkedBlock.class.getName(),
            WholeBlock.class.getName(), "org.jodb.btree.LongBucket", "org.jodb.btree.LongTreeNode");

    private final Database db = Database.inMemory();

    @AfterEach
    void close() {
        db.close();
    }

    /** Instances per class among the objects the cache holds loaded (or, with ghosts, at all). */
    private static Map<String, Integer> counts(List<PersistentObject> objects) {
        Map<String, Integer> counts = new TreeMap<>();
        for (PersistentObject object : objects) {
            String name = object.getClass().getName();
            if (BLOCK_PARTS.contains(name)) {
                counts.merge(name, 1, Integer::sum);
            }
        }
        return counts;
    }

    private byte[] storeFile() {
        byte[] data = Files.pattern(7, BLOCKS * BLOCK);
        try (Connection c = db.open()) {
            BigFile file = Files.store(c, "f", new BigFile(BLOCK, CHUNK, BlockFormat.CHUNKED));
            file.handle(c).write(0, ByteBuffer.wrap(data));
            c.commit();
            assertEquals(Map.of(), counts(c.objectCache().loadedObjects()), "nothing of the blocks a commit wrote stays loaded");
        }
        return data;
    }

    @Test
    void aHandleLeavesNothingOfTheBlocksItReadLoadedButGhostingOnlyTheChunksLeavesTheBuckets() {
        byte[] data = storeFile();
        try (Connection c = db.open()) {
            c.minimize();
            BigFileHandle handle = Files.named(c, "f").handle(c);
            handle.setBudgetBytes(4L * BLOCK);
            assertArrayEquals(data, Files.read(handle, 0, data.length));
            Map<String, Integer> loaded = counts(c.objectCache().loadedObjects());
            System.out.println("block parts loaded after a handle read " + BLOCKS + " blocks: " + loaded);
            assertEquals(Map.of(), loaded);
            assertTrue(handle.loadedBytes() <= handle.budgetBytes(), handle.loadedBytes() + " bytes of blocks loaded");
        }
        try (Connection c = db.open()) {
            c.minimize();
            LongBTree<StoredBlock> blocks = Files.named(c, "f").blocks();
            for (long number = 0; number < BLOCKS; number++) {
                ChunkedBlock block = (ChunkedBlock) blocks.get(number);
                for (Chunk chunk : block.chunks().values()) {
                    assertEquals(CHUNK, chunk.data().length);
                    Persistence.deactivate(chunk); // the seed's fix before its fix: chunk data only
                }
            }
            Map<String, Integer> loaded = counts(c.objectCache().loadedObjects());
            Map<String, Integer> held = counts(c.objectCache().allObjects());
            System.out.println("after ghosting only the chunks of " + BLOCKS + " blocks: loaded " + loaded
                    + ", held " + held);
            assertTrue(loaded.getOrDefault("org.jodb.btree.LongBucket", 0) >= 2 * BLOCKS,
                    "every chunk bucket stays loaded: " + loaded);
            assertEquals(BLOCKS * (BLOCK / CHUNK), held.get(Chunk.class.getName()),
                    "and holds every chunk, a ghost the JVM cannot collect");
        }
    }
}
