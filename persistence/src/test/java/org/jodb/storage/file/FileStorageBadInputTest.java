package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;
import org.jodb.JodbException;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that must be refused (untouched) or fall back, and pages that must not be believed. */
class FileStorageBadInputTest {
    @TempDir
    Path dir;

    /** A file with revisions 1 and 2 of oid 2 ("v1", "v2"). */
    private Path twoRevisions(String name) {
        return TwoRevisionFile.create(dir.resolve(name));
    }

    private static long checksum(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        crc.update(Files.readAllBytes(file));
        return crc.getValue() ^ Files.size(file) << 32;
    }

    private static void patch(Path file, long offset, byte[] bytes) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            raf.write(bytes);
        }
    }

    private void assertRefusedUntouched(Path file, FileStorageOptions options, String fragment) throws IOException {
        long before = checksum(file);
        JodbException e = assertThrows(JodbException.class, () -> FileStorage.open(file, options));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertEquals(before, checksum(file), "the file is untouched");
    }

    @Test
    void notAJodbFile() throws IOException {
        Path file = dir.resolve("text.jodb");
        Files.writeString(file, "hello, this is not a database\n".repeat(400));
        assertRefusedUntouched(file, FileStorageOptions.defaults(), "not a jodb storage file");
    }

    @Test
    void truncatedFile() throws IOException {
        Path file = twoRevisions("truncated.jodb");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(3 * 4096);
        }
        assertRefusedUntouched(file, FileStorageOptions.defaults(), "truncated");
        Path tiny = twoRevisions("tiny.jodb");
        try (RandomAccessFile raf = new RandomAccessFile(tiny.toFile(), "rw")) {
            raf.setLength(5000);
        }
        assertRefusedUntouched(tiny, FileStorageOptions.defaults(), "truncated");
    }

    @Test
    void wrongPageSize() throws IOException {
        Path file = twoRevisions("pagesize.jodb");
        assertRefusedUntouched(file, FileStorageOptions.defaults().withPageSize(8192), "page size 4096");
        try (FileStorage s = FileStorage.open(file, FileStorageOptions.defaults().withPageSize(4096))) {
            assertEquals(2, s.lastRevision());
        }
    }

    @Test
    void tornNewestMetaPageFallsBackToThePreviousRevision() throws IOException {
        Path file = twoRevisions("torn.jodb");
        patch(file, 100, new byte[] {1, 2, 3, 4, 5}); // revision 2 lives in slot 0
        try (FileStorage s = FileStorage.open(file); Snapshot snap = s.openSnapshot()) {
            assertEquals(1, s.lastRevision());
            assertEquals("v1", new String(snap.load(2).payload(), StandardCharsets.UTF_8));
            s.verify();
        }
    }

    @Test
    void bothMetaPagesCorruptIsAClearError() throws IOException {
        Path file = twoRevisions("bothtorn.jodb");
        patch(file, 100, new byte[] {1, 2, 3});
        patch(file, 4096 + 100, new byte[] {1, 2, 3});
        assertRefusedUntouched(file, FileStorageOptions.defaults(), "both meta pages are corrupt");
    }

    /**
     * A page the newest commit wrote that does not read back is what a power cut before that
     * commit's sync leaves: the open falls back to the previous revision (the price of one sync per
     * commit: such damage from another cause looks the same).
     */
    @Test
    void aDamagedPageOfTheNewestCommitFallsBackToThePreviousRevision() throws IOException {
        Path file = twoRevisions("newest-damaged.jodb");
        long leaf = lastPageOfType(file, PageType.LEAF); // the newest revision's leaf is the last one written
        patch(file, leaf * 4096 + 40, new byte[] {'X'});
        try (FileStorage s = FileStorage.open(file); Snapshot snap = s.openSnapshot()) {
            assertEquals(1, s.lastRevision());
            assertEquals("v1", new String(snap.load(2).payload(), StandardCharsets.UTF_8));
            s.verify();
        }
    }

    /** A damaged page older than the newest commit is not looked at by the open: loads and verify name it. */
    @Test
    void corruptDataPageIsNamedAndNeverReturned() throws IOException {
        Path file = dir.resolve("corrupt.jodb");
        try (FileStorage s = FileStorage.open(file)) {
            int t = s.typeId("t");
            s.commit(List.of(new RecordWrite(2, 0, t, new long[0], new byte[9_000]))); // an overflow extent
            s.commit(List.of(new RecordWrite(3, 0, t, new long[0], new byte[] {1})));
        }
        long overflow = lastPageOfType(file, PageType.OVERFLOW);
        patch(file, overflow * 4096 + 40, new byte[] {'X'});
        try (FileStorage s = FileStorage.open(file); Snapshot snap = s.openSnapshot()) {
            assertEquals(2, s.lastRevision());
            CorruptPageException e = assertThrows(CorruptPageException.class, () -> snap.load(2));
            assertEquals(overflow, e.pageNumber());
            assertTrue(e.getMessage().contains("page " + overflow + " is corrupt"), e.getMessage());
            JodbException v = assertThrows(JodbException.class, s::verify);
            assertTrue(v.getMessage().contains("page " + overflow), v.getMessage());
        }
    }

    private static long lastPageOfType(Path file, PageType type) throws IOException {
        long found = -1;
        byte[] bytes = Files.readAllBytes(file);
        for (int page = 2; page * 4096 < bytes.length; page++) {
            if (bytes[page * 4096 + 4] == type.code) {
                found = page;
            }
        }
        assertTrue(found > 0, "no " + type + " page");
        return found;
    }

    @Test
    void secondOpenerIsRefusedNamingTheFile() {
        Path file = twoRevisions("locked.jodb");
        try (FileStorage first = FileStorage.open(file)) {
            JodbException e = assertThrows(JodbException.class, () -> FileStorage.open(file));
            assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("already open"),
                    e.getMessage());
            assertEquals(2, first.lastRevision(), "the first owner is unaffected");
        }
        FileStorage.open(file).close();
    }
}
