package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
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

/**
 * Only a meta page whose checksum holds counts, also when it claims a newer format version: bytes
 * that merely look like a meta page (a torn one, or user payload where another page size would put
 * a meta slot) neither open nor refuse a healthy file.
 */
class MetaPageCandidatesTest {
    private static final int PAGE_SIZE = FileStorageOptions.DEFAULT_PAGE_SIZE;
    private static final int MAGIC_AT = 32;
    private static final int VERSION_AT = 36;
    private static final int PAGE_SIZE_AT = 40;
    private static final int NEWER_VERSION = MetaPage.FORMAT_VERSION + 1;

    @TempDir
    Path dir;

    /** A file with revisions 1 and 2 of oid 2 ("v1", "v2"): slot 0 holds revision 2, slot 1 revision 1. */
    private Path twoRevisions(String name) {
        return TwoRevisionFile.create(dir.resolve(name));
    }

    @Test
    void anUnchecksummedNewerVersionInTheOlderSlotIsIgnored() throws IOException {
        Path file = twoRevisions("older-slot.jodb");
        patchInt(file, PAGE_SIZE + VERSION_AT, NEWER_VERSION); // slot 1, revision 1; checksum now fails
        assertOpensAt(file, 2, "v2");
    }

    @Test
    void anUnchecksummedNewerVersionInTheNewestSlotFallsBackToTheOtherSlot() throws IOException {
        Path file = twoRevisions("newest-slot.jodb");
        patchInt(file, VERSION_AT, NEWER_VERSION); // slot 0, revision 2; checksum now fails
        assertOpensAt(file, 1, "v1");
    }

    /**
     * A record whose payload holds "JODB", a newer version and the page size 16384 exactly where a
     * 16 KiB file would have its slot 1 (file offset 16384): the file opens and reads back.
     */
    @Test
    void userPayloadThatLooksLikeANewerMetaPageDoesNotRefuseTheFile() throws IOException {
        Path file = dir.resolve("payload.jodb");
        int fakeSlot = 4 * PAGE_SIZE; // slot 1 at page size 16 KiB
        // The first commit's overflow extent starts at page 2; its body starts with 8 bytes of
        // class id and reference count, then the payload.
        int payloadAt = fakeSlot + MAGIC_AT - (2 * PAGE_SIZE + Page.HEADER_SIZE + 8);
        byte[] payload = new byte[40_000];
        ByteBuffer.wrap(payload).putInt(payloadAt, MetaPage.MAGIC).putInt(payloadAt + 4, NEWER_VERSION)
                .putInt(payloadAt + 8, fakeSlot);
        try (FileStorage s = FileStorage.open(file)) {
            s.commit(List.of(new RecordWrite(2, 0, s.typeId("t"), new long[0], payload)));
        }
        ByteBuffer stored = ByteBuffer.wrap(Files.readAllBytes(file));
        assertTrue(stored.capacity() >= 2 * fakeSlot, "the fake slot lies inside the file");
        assertEquals(MetaPage.MAGIC, stored.getInt(fakeSlot + MAGIC_AT), "the payload sits where the slot is read");
        assertEquals(NEWER_VERSION, stored.getInt(fakeSlot + VERSION_AT));
        assertEquals(fakeSlot, stored.getInt(fakeSlot + PAGE_SIZE_AT));

        try (FileStorage s = FileStorage.open(file); Snapshot snap = s.openSnapshot()) {
            assertEquals(1, s.lastRevision());
            assertArrayEquals(payload, snap.load(2).payload());
        }
    }

    /**
     * An intact meta page of a newer format refuses the file, even when the other slot holds a newer
     * revision in a supported format: a newer jodb has written the file.
     */
    @Test
    void aChecksummedNewerVersionInOneSlotRefusesTheFileNamingIt() throws IOException {
        Path file = twoRevisions("newer-one.jodb");
        patchInt(file, PAGE_SIZE + VERSION_AT, NEWER_VERSION);
        reseal(file, 1);
        assertRefusedAsNewer(file);
    }

    @Test
    void checksummedNewerVersionsInBothSlotsRefuseTheFileNamingIt() throws IOException {
        Path file = twoRevisions("newer-both.jodb");
        for (int slot = 0; slot < 2; slot++) {
            patchInt(file, slot * PAGE_SIZE + VERSION_AT, NEWER_VERSION);
            reseal(file, slot);
        }
        assertRefusedAsNewer(file);
    }

    private static void assertRefusedAsNewer(Path file) throws IOException {
        byte[] before = Files.readAllBytes(file);
        JodbException e = assertThrows(JodbException.class, () -> FileStorage.open(file));
        assertTrue(e.getMessage().contains(file.toString())
                && e.getMessage().contains("format version " + NEWER_VERSION), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "the file is untouched");
    }

    private static void assertOpensAt(Path file, long revision, String value) {
        try (FileStorage s = FileStorage.open(file); Snapshot snap = s.openSnapshot()) {
            assertEquals(revision, s.lastRevision());
            assertEquals(value, new String(snap.load(2).payload(), StandardCharsets.UTF_8));
            assertEquals(revision, s.verify().revision());
        }
    }

    private static void patchInt(Path file, long offset, int value) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            raf.writeInt(value);
        }
    }

    /** Recomputes the checksum of the meta page in {@code slot}, as a writer of that content would. */
    private static void reseal(Path file, long slot) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] page = new byte[PAGE_SIZE];
            raf.seek(slot * PAGE_SIZE);
            raf.readFully(page);
            CRC32C crc = new CRC32C();
            crc.update(page, 4, PAGE_SIZE - 4);
            raf.seek(slot * PAGE_SIZE);
            raf.writeInt((int) crc.getValue());
        }
    }
}
