package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Snapshot;
import org.junit.jupiter.api.Test;

/** What the open checks of the newest meta page's commit ({@link CommitCheck}). */
class CommitCheckTest {
    private static final Path NAME = Path.of("check.jodb");
    private static final int PAGE_SIZE = 1024;
    private static final FileStorageOptions OPTIONS = FileStorageOptions.defaults().withPageSize(PAGE_SIZE)
            .withNodeCacheBytes(0);

    /** {@code image} opened, {@code payload} committed to oid 2 (base {@code serial}), closed. */
    private static MemoryFile commit(MemoryFile image, long serial, String payload) {
        MemoryFile file = image.copy();
        try (FileStorage storage = FileStorage.open(new MemoryDirectory(NAME, file), OPTIONS)) {
            storage.commit(List.of(new RecordWrite(2, serial, storage.typeId("t"), new long[0],
                    payload.getBytes(StandardCharsets.UTF_8))));
        }
        return file;
    }

    private static byte[] page(MemoryFile file, long page) {
        ByteBuffer bytes = ByteBuffer.allocate(PAGE_SIZE);
        file.read(bytes, page * PAGE_SIZE);
        return bytes.array();
    }

    /**
     * After a fallback, the next commit reuses the lost commit's revision number and, from the same
     * state, its page numbers: a page the lost commit wrote whole then passes every check of the
     * pointer to it (checksum, number, type, creating revision). Only the digest of the meta page
     * tells it from the page the new commit wrote, so the open falls back instead of reading it.
     */
    @Test
    void aWholePageOfALostCommitAtTheSamePageAndRevisionIsNotBelieved() {
        MemoryFile first = commit(new MemoryFile(), 0, "first");
        MemoryFile lost = commit(first, 1, "lost commit");
        MemoryFile redone = commit(first, 1, "commit redone");
        long leaf = -1;
        for (long page = 2; page * PAGE_SIZE < redone.length(); page++) {
            Page stored = Page.wrap(ByteBuffer.wrap(page(redone, page)));
            if (stored.type() == PageType.LEAF && stored.created() == 2) {
                leaf = page;
            }
        }
        assertTrue(leaf > 0, "the redone commit's leaf");
        byte[] lostLeaf = page(lost, leaf);
        Page stale = Page.wrap(ByteBuffer.wrap(lostLeaf));
        assertTrue(stale.type() == PageType.LEAF && stale.created() == 2 && stale.checksumHolds(),
                "the lost commit wrote a whole leaf at the same page and revision");
        assertFalse(Arrays.equals(lostLeaf, page(redone, leaf)));

        MemoryFile image = redone.copy(); // the redone commit's leaf lost, the old one still there
        image.write(leaf * PAGE_SIZE, lostLeaf, 0, PAGE_SIZE);
        try (FileStorage storage = FileStorage.open(new MemoryDirectory(NAME, image), OPTIONS);
                Snapshot snapshot = storage.openSnapshot()) {
            assertEquals(1, storage.lastRevision());
            assertArrayEquals("first".getBytes(StandardCharsets.UTF_8), snapshot.load(2).payload());
            storage.verify();
        }
    }

    @Test
    void aWholeCommitOpensAtItsRevision() {
        MemoryFile file = commit(commit(new MemoryFile(), 0, "first"), 1, "second");
        try (FileStorage storage = FileStorage.open(new MemoryDirectory(NAME, file), OPTIONS);
                Snapshot snapshot = storage.openSnapshot()) {
            assertEquals(2, storage.lastRevision());
            assertArrayEquals("second".getBytes(StandardCharsets.UTF_8), snapshot.load(2).payload());
        }
    }
}
