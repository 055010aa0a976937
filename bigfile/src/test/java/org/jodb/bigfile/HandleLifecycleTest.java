package org.jodb.bigfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.jodb.Connection;
import org.jodb.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One handle per file and connection, and the budget of loaded blocks (see {@link SpillTest} for changed ones). */
class HandleLifecycleTest {
    private static final int CHUNK = 1 << 10;
    private static final int BLOCK = 16 * CHUNK;

    private final Database db = Database.inMemory();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aConnectionHasOneHandlePerFileAndTheNextConnectionANewOne() {
        BigFileHandle first;
        try (Connection c = db.open()) {
            BigFile file = Files.store(c, "f", new BigFile(BLOCK, CHUNK, BlockFormat.AUTO));
            first = file.handle(c);
            assertSame(first, file.handle(c));
            assertSame(first, Files.named(c, "f").handle(c), "the connection's one instance of the file");
        }
        try (Connection c = db.open()) { // the pooled session: the same file instance, a new handle
            BigFileHandle next = Files.named(c, "f").handle(c);
            assertNotSame(first, next);
            assertEquals(0, next.size());
        }
        assertThrows(IllegalStateException.class, first::size);
    }

    @Test
    void unchangedBlocksBeyondTheBudgetAreDroppedAndReadAgain() {
        byte[] data = Files.pattern(9, 10 * BLOCK);
        try (Connection c = db.open()) {
            BigFileHandle handle = Files.store(c, "f", new BigFile(BLOCK, CHUNK, BlockFormat.WHOLE)).handle(c);
            handle.setBudgetBytes(3L * (BLOCK + LoadedBlock.OVERHEAD));
            handle.write(0, ByteBuffer.wrap(data));
            assertEquals(10, handle.changedBlocks());
            assertTrue(handle.loadedBytes() <= handle.budgetBytes(), "changed blocks beyond the budget are spilled");
            assertTrue(handle.spillFile() != null, "to a spill file");
            c.commit();
            assertTrue(handle.loadedBytes() <= handle.budgetBytes(), "committed, they are dropped to the budget");
            for (int round = 0; round < 2; round++) {
                assertArrayEquals(data, Files.read(handle, 0, data.length));
                assertTrue(handle.loadedBytes() <= handle.budgetBytes(), handle.loadedBytes() + " bytes loaded");
            }
            handle.setBudgetBytes(0);
            assertEquals(0, handle.loadedBytes());
        }
    }
}
