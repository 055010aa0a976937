package org.jodb.bigfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.jodb.Connection;
import org.jodb.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transactions that change more blocks than the handle's budget: the changed blocks beyond it go
 * to a spill file, are read back when used and committed from there, and the file is deleted when
 * the transaction commits, aborts or its connection closes.
 */
class SpillTest {
    private static final int CHUNK = 1 << 10;
    private static final int BLOCK = 16 * CHUNK;
    /** Two blocks: a transaction of 40 changes 20 times its budget. */
    private static final long BUDGET = 2L * (BLOCK + LoadedBlock.OVERHEAD);
    private static final int BLOCKS = 40;

    private final Database db = Database.inMemory();
    @TempDir
    Path spillDir;

    @AfterEach
    void close() {
        db.close();
    }

    private BigFileHandle handle(Connection c, BlockFormat format) {
        return handle(c, "f", format);
    }

    private BigFileHandle handle(Connection c, String name, BlockFormat format) {
        BigFile file = c.root().containsKey(name) ? Files.named(c, name)
                : Files.store(c, name, new BigFile(BLOCK, CHUNK, format));
        BigFileHandle handle = file.handle(c);
        handle.setBudgetBytes(BUDGET);
        handle.setSpillDirectory(spillDir);
        return handle;
    }

    private boolean spillDirEmpty() throws Exception {
        try (Stream<Path> files = java.nio.file.Files.list(spillDir)) {
            return files.findAny().isEmpty();
        }
    }

    /**
     * Spill files this process has open. On Linux the spill file leaves its directory as soon as it
     * is opened (delete-on-close), so its disk space is released when its descriptor is closed:
     * this counts the descriptors that still point at one.
     */
    private static long openSpillFiles() throws Exception {
        try (Stream<Path> fds = java.nio.file.Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return java.nio.file.Files.readSymbolicLink(fd).getFileName().toString().matches("jodb-bigfile-.*\\.spill( \\(deleted\\))?");
                } catch (Exception gone) { // the descriptor of the listing itself, closed meanwhile
                    return false;
                }
            }).count();
        }
    }

    @Test
    void aTransactionOfManyTimesTheBudgetSpillsCommitsAndDeletesTheSpillFile() throws Exception {
        for (BlockFormat format : BlockFormat.values()) {
            byte[] data = Files.pattern(format.ordinal(), BLOCKS * BLOCK);
            try (Connection c = db.open()) {
                BigFileHandle handle = handle(c, format.name(), format);
                handle.write(0, ByteBuffer.wrap(data));
                assertTrue(handle.loadedBytes() <= BUDGET, handle.loadedBytes() + " bytes in memory");
                assertEquals(BLOCKS, handle.changedBlocks());
                assertNotNull(handle.spillFile(), format + ": spilled");
                assertEquals(1, openSpillFiles());
                assertTrue(spillDirEmpty(), "deleted on close: gone from its directory from the start");
                assertArrayEquals(data, Files.read(handle, 0, data.length), format + ": the transaction reads its writes");
                long revisionBefore = db.storage().lastRevision();
                c.commit();
                assertTrue(db.storage().lastRevision() > revisionBefore + 1, format + ": blocks were stored ahead");
                assertNull(handle.spillFile());
                assertEquals(0, openSpillFiles(), "closed, so deleted, at commit");
            }
            try (Connection c = db.open()) {
                BigFileHandle handle = Files.named(c, format.name()).handle(c);
                handle.setBudgetBytes(0);
                assertArrayEquals(data, Files.read(handle, 0, data.length), format + ": committed from the spill file");
            }
            assertEquals(0, db.collectGarbage().removedObjects(), format + ": everything stored ahead is reachable");
        }
    }

    @Test
    void changesToSpilledBlocksAddUpAndAHoleLeftOverReadsAsZeros() {
        byte[] data = Files.pattern(3, BLOCKS * BLOCK);
        try (Connection c = db.open()) {
            BigFileHandle handle = handle(c, BlockFormat.AUTO);
            handle.write(0, ByteBuffer.wrap(data));
            c.commit();
            for (int block = 0; block < BLOCKS; block++) { // one chunk in each block: every block spills
                byte[] chunk = Files.pattern(100 + block, CHUNK);
                handle.write((long) block * BLOCK + 5 * CHUNK, ByteBuffer.wrap(chunk));
                System.arraycopy(chunk, 0, data, block * BLOCK + 5 * CHUNK, CHUNK);
            }
            for (int block = 0; block < BLOCKS; block += 3) { // a second change to spilled blocks
                byte[] chunk = Files.pattern(200 + block, CHUNK);
                handle.write((long) block * BLOCK + 9 * CHUNK, ByteBuffer.wrap(chunk));
                System.arraycopy(chunk, 0, data, block * BLOCK + 9 * CHUNK, CHUNK);
            }
            handle.write(7L * BLOCK, ByteBuffer.wrap(new byte[BLOCK])); // a spilled block written over in full, as zeros
            Arrays.fill(data, 7 * BLOCK, 8 * BLOCK, (byte) 0);
            assertNotNull(handle.spillFile());
            c.commit();
        }
        try (Connection c = db.open()) {
            BigFileHandle handle = Files.named(c, "f").handle(c);
            assertArrayEquals(data, Files.read(handle, 0, data.length));
            assertEquals(BLOCKS - 1, Files.named(c, "f").blocks().size(), "the zeroed block is a hole again");
        }
    }

    @Test
    void abortAndCloseDropTheSpilledChangesAndDeleteTheFile() throws Exception {
        byte[] data = Files.pattern(4, BLOCKS * BLOCK);
        try (Connection c = db.open()) {
            handle(c, BlockFormat.AUTO).write(0, ByteBuffer.wrap(data));
            c.commit();
        }
        try (Connection c = db.open()) {
            BigFileHandle handle = handle(c, BlockFormat.AUTO);
            handle.write(0, ByteBuffer.wrap(Files.pattern(5, BLOCKS * BLOCK)));
            assertNotNull(handle.spillFile());
            assertEquals(1, openSpillFiles());
            c.abort();
            assertNull(handle.spillFile());
            assertEquals(0, openSpillFiles(), "deleted at abort");
            assertEquals(0, handle.changedBlocks());
            assertArrayEquals(data, Files.read(handle, 0, data.length), "the spilled changes are gone");
            handle.write(0, ByteBuffer.wrap(Files.pattern(6, BLOCKS * BLOCK)));
            assertEquals(1, openSpillFiles());
            c.close();
            assertEquals(0, openSpillFiles(), "deleted at close");
        }
        try (Connection c = db.open()) {
            assertArrayEquals(data, Files.read(Files.named(c, "f").handle(c), 0, data.length), "nothing was stored");
        }
        assertTrue(spillDirEmpty());
        assertEquals(0, db.collectGarbage().removedObjects(), "an abort before the commit stores nothing ahead");
    }

    @Test
    void truncatingForgetsSpilledBlocksPastTheNewEnd() {
        byte[] data = Files.pattern(8, BLOCKS * BLOCK);
        try (Connection c = db.open()) {
            BigFileHandle handle = handle(c, BlockFormat.WHOLE);
            handle.write(0, ByteBuffer.wrap(data));
            handle.truncate(10L * BLOCK + 100);
            assertEquals(11, handle.changedBlocks());
            c.commit();
        }
        try (Connection c = db.open()) {
            BigFileHandle handle = Files.named(c, "f").handle(c);
            assertEquals(10L * BLOCK + 100, handle.size());
            byte[] expected = Arrays.copyOf(data, 10 * BLOCK + 100);
            assertArrayEquals(expected, Files.read(handle, 0, expected.length));
            assertEquals(11, Files.named(c, "f").blocks().size());
        }
    }
}
