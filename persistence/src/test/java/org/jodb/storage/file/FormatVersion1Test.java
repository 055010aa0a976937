package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.RevisionInfo;
import org.jodb.storage.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of format version 1 (no commit times for older retained revisions) still open. The resource
 * {@code format-v1-keep3.jodb} was written by the version 1 code (main at d037bff, page size 1 KiB,
 * keepRevisions(3)): oids 2-5, type "v1-record", revisions 1-5, revision r writing
 * "v1 commit r oid o" to every oid.
 */
class FormatVersion1Test {
    private static final FileStorageOptions KEEP3 = FileStorageOptions.defaults().withSync(false).keepRevisions(3);
    private static final long[] OIDS = {2, 3, 4, 5};

    @TempDir
    Path dir;

    private Path versionOneFile() throws IOException {
        Path file = dir.resolve("v1.jodb");
        try (InputStream in = getClass().getResourceAsStream("format-v1-keep3.jodb")) {
            Files.copy(in, file);
        }
        return file;
    }

    private static byte[] payload(long revision, long oid) {
        return ("v1 commit " + revision + " oid " + oid).getBytes(StandardCharsets.UTF_8);
    }

    private static int formatVersionOfSlot(Path file, long slot) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(slot * 1024 + 36);
            return raf.readInt();
        }
    }

    @Test
    void aVersion1FileOpensWithItsRetainedRevisionsOfUnknownTime() throws IOException {
        Path file = versionOneFile();
        assertEquals(1, formatVersionOfSlot(file, 5 % 2));
        try (FileStorage storage = FileStorage.open(file, KEEP3)) {
            storage.verify();
            List<RevisionInfo> retained = storage.retainedRevisions();
            assertEquals(List.of(5L, 4L, 3L), retained.stream().map(RevisionInfo::revision).toList());
            assertNotNull(retained.get(0).committed(), "the meta page always had the newest's time");
            assertNull(retained.get(1).committed(), "version 1 bookkeeping had no times");
            for (long revision = 3; revision <= 5; revision++) {
                try (Snapshot snapshot = storage.openSnapshot(revision)) {
                    for (long oid : OIDS) {
                        assertArrayEquals(payload(revision, oid), snapshot.load(oid).payload());
                    }
                }
            }
        }
    }

    @Test
    void theFirstCommitOnAVersion1FileWritesTheCurrentVersionAndKeepsTheOldRevisionsReadable() throws IOException {
        Path file = versionOneFile();
        try (FileStorage storage = FileStorage.open(file, KEEP3)) {
            int type = storage.typeId("v1-record");
            List<RecordWrite> writes = new ArrayList<>();
            for (long oid : OIDS) {
                writes.add(new RecordWrite(oid, 5, type, new long[0], payload(6, oid)));
            }
            assertEquals(6, storage.commit(writes));
        }
        assertEquals(MetaPage.FORMAT_VERSION, formatVersionOfSlot(file, 6 % 2));
        assertEquals(1, formatVersionOfSlot(file, 5 % 2), "the fallback slot keeps its version 1 page");
        try (FileStorage storage = FileStorage.open(file, KEEP3)) {
            storage.verify();
            List<RevisionInfo> retained = storage.retainedRevisions();
            assertEquals(List.of(6L, 5L, 4L), retained.stream().map(RevisionInfo::revision).toList());
            assertNotNull(retained.get(1).committed(), "revision 5's time, known at the open, is now recorded");
            assertNull(retained.get(2).committed());
            for (long revision = 4; revision <= 6; revision++) {
                try (Snapshot snapshot = storage.openSnapshot(revision)) {
                    assertArrayEquals(payload(revision, 2), snapshot.load(2).payload());
                }
            }
        }
    }
}
