package org.jodb.bigfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.jodb.Connection;
import org.jodb.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input fails with an exception that names what is wrong, and leaves the stored file as it was. */
class BadInputTest {
    private static final int BLOCK = 8 << 10;
    private static final int CHUNK = 1 << 10;

    private final Database db = Database.inMemory();

    @AfterEach
    void close() {
        db.close();
    }

    private static void assertMessage(Class<? extends Throwable> type, String words, Executable call) {
        Throwable thrown = assertThrows(type, call);
        assertTrue(thrown.getMessage().contains(words), thrown.getMessage());
    }

    @Test
    void blockAndChunkSizesAreValidated() {
        assertMessage(IllegalArgumentException.class, "chunk size must be positive, not 0",
                () -> new BigFile(BLOCK, 0, BlockFormat.AUTO));
        assertMessage(IllegalArgumentException.class, "positive multiple of the chunk size 1024, not -8192",
                () -> new BigFile(-BLOCK, CHUNK, BlockFormat.AUTO));
        assertMessage(IllegalArgumentException.class, "positive multiple of the chunk size 1024, not 1500",
                () -> new BigFile(1500, CHUNK, BlockFormat.AUTO));
        assertMessage(NullPointerException.class, "format", () -> new BigFile(BLOCK, CHUNK, null));
    }

    @Test
    void badPositionsAndSizesChangeNothing() {
        byte[] data = Files.pattern(1, BLOCK + 10);
        try (Connection c = db.open()) {
            BigFile file = Files.store(c, "f", new BigFile(BLOCK, CHUNK, BlockFormat.AUTO));
            BigFileHandle handle = file.handle(c);
            handle.write(0, ByteBuffer.wrap(data));
            c.commit();
            long revision = db.storage().lastRevision();

            assertMessage(IllegalArgumentException.class, "position must not be negative, not -1",
                    () -> handle.read(-1, ByteBuffer.allocate(1)));
            assertMessage(IllegalArgumentException.class, "position must not be negative, not -5",
                    () -> handle.write(-5, new byte[1], 0, 1));
            assertMessage(IllegalArgumentException.class, "would end past the largest size",
                    () -> handle.write(Long.MAX_VALUE - 1, new byte[2], 0, 2));
            assertMessage(IllegalArgumentException.class, "cannot truncate a file of 8202 bytes to 9000 bytes",
                    () -> handle.truncate(9000));
            assertMessage(IllegalArgumentException.class, "to -1 bytes", () -> handle.truncate(-1));
            assertMessage(IllegalArgumentException.class, "cannot extend a file of 8202 bytes to 100 bytes",
                    () -> handle.extend(100));
            assertMessage(IllegalArgumentException.class, "budget must not be negative, not -1",
                    () -> handle.setBudgetBytes(-1));
            handle.write(BLOCK * 5L, new byte[0], 0, 0);
            assertEquals(data.length, handle.size(), "an empty write does not extend the file");
            assertEquals(0, handle.changedBlocks());
            c.commit();
            assertEquals(revision, db.storage().lastRevision(), "nothing written");
        }
        try (Connection c = db.open()) {
            BigFileHandle handle = Files.named(c, "f").handle(c);
            assertEquals(data.length, handle.size());
            assertArrayEquals(data, Files.read(handle, 0, data.length));
        }
    }

    @Test
    void aHandleNeedsACommittedFileOfItsOwnConnection() {
        try (Connection c = db.open(); Connection other = db.open()) {
            assertMessage(IllegalStateException.class, "never committed",
                    () -> new BigFile().handle(c));
            BigFile file = Files.store(c, "f", new BigFile(BLOCK, CHUNK, BlockFormat.AUTO));
            assertMessage(IllegalArgumentException.class, "was loaded through another connection",
                    () -> file.handle(other));
        }
    }

    @Test
    void aClosedOrReadOnlyConnectionRefusesChanges() {
        long revision;
        try (Connection c = db.open()) {
            Files.store(c, "f", new BigFile(BLOCK, CHUNK, BlockFormat.AUTO));
            revision = db.storage().lastRevision();
        }
        try (Connection old = db.openAt(revision)) {
            BigFileHandle handle = Files.named(old, "f").handle(old);
            assertMessage(IllegalStateException.class, "read-only", () -> handle.write(0, new byte[1], 0, 1));
            assertEquals(0, handle.size());
        }
        Connection c = db.open();
        BigFileHandle handle = Files.named(c, "f").handle(c);
        c.close();
        assertMessage(IllegalStateException.class, "connection is closed", () -> handle.read(0, ByteBuffer.allocate(1)));
        assertMessage(IllegalStateException.class, "connection is closed", () -> handle.write(0, new byte[1], 0, 1));
    }
}
