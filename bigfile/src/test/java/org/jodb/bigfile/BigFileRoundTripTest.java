package org.jodb.bigfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.jodb.Connection;
import org.jodb.Database;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bytes written through a handle read back the same across commits and a reopen of the file storage. */
class BigFileRoundTripTest {
    private static final int BLOCK = 64 << 10;
    private static final int CHUNK = 4 << 10;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(BlockFormat.class)
    void writesHolesTruncateAndExtendSurviveCommitsAndReopen(BlockFormat format) {
        Path path = dir.resolve("big.jodb");
        byte[] head = Files.pattern(1, BLOCK + 1000);          // block 0 and the start of block 1
        byte[] far = Files.pattern(2, 3 * CHUNK + 7);           // in block 5, after holes 2..4
        long farAt = 5L * BLOCK + 2 * CHUNK + 11;
        try (Database db = Database.open(path); Connection c = db.open()) {
            BigFile file = Files.store(c, "f", new BigFile(BLOCK, CHUNK, format));
            BigFileHandle handle = file.handle(c);
            handle.write(0, ByteBuffer.wrap(head));
            c.commit();
            handle.write(farAt, ByteBuffer.wrap(far));
            assertEquals(farAt + far.length, handle.size(), "a write past the end extends");
            c.commit();
            handle.write(10, new byte[] {0, 0, 0}, 0, 3); // zeros over data: that chunk changes
            c.commit();
        }
        head[10] = 0;
        head[11] = 0;
        head[12] = 0;
        try (Database db = Database.open(path); Connection c = db.open()) {
            BigFileHandle handle = Files.named(c, "f").handle(c);
            assertEquals(farAt + far.length, handle.size());
            assertArrayEquals(head, Files.read(handle, 0, head.length));
            assertArrayEquals(new byte[(int) (farAt - head.length)], Files.read(handle, head.length, (int) (farAt - head.length)),
                    "holes and the rest of block 1 read as zeros");
            assertArrayEquals(far, Files.read(handle, farAt, far.length));
            assertEquals(-1, handle.read(handle.size(), ByteBuffer.allocate(1)), "at the end");
            ByteBuffer tail = ByteBuffer.allocateDirect(100);
            assertEquals(5, handle.read(handle.size() - 5, tail), "a read stops at the end");

            handle.truncate(BLOCK + 500); // cuts block 1 inside, removes block 5
            handle.extend(6L * BLOCK);
            c.commit();
        }
        try (Database db = Database.open(path); Connection c = db.open()) {
            BigFileHandle handle = Files.named(c, "f").handle(c);
            assertEquals(6L * BLOCK, handle.size());
            byte[] kept = Arrays.copyOf(head, BLOCK + 500);
            assertArrayEquals(kept, Files.read(handle, 0, kept.length));
            int rest = (int) (6L * BLOCK - kept.length);
            assertArrayEquals(new byte[rest], Files.read(handle, kept.length, rest),
                    "bytes cut by truncate read as zeros after extend");
            assertEquals(2, Files.named(c, "f").blocks().size(), "blocks 0 and 1 stored, the rest holes");
        }
    }
}
