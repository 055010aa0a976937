package org.jodb.storage.memory;

import static org.jodb.storage.memory.Writes.text;
import static org.jodb.storage.memory.Writes.write;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jodb.storage.Snapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemoryStorageSnapshotTest {
    private final MemoryStorage storage = new MemoryStorage();
    private final int type = storage.typeId("test.Thing");

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void snapshotOfEmptyStorageIsRevisionZeroAndSeesNothing() {
        try (Snapshot s = storage.openSnapshot()) {
            assertEquals(0, s.revision());
            assertNull(s.load(MemoryStorage.ROOT_OID));
        }
    }

    @Test
    void snapshotKeepsReadingItsRevisionAfterLaterCommits() {
        storage.commit(List.of(write(2, 0, type, "a1"), write(3, 0, type, "b1")));
        Snapshot old = storage.openSnapshot();
        storage.commit(List.of(write(2, 1, type, "a2")));
        storage.commit(List.of(write(2, 2, type, "a3"), write(4, 0, type, "c3")));
        storage.commit(List.of(write(3, 1, type, "b4")));

        assertEquals(1, old.revision());
        assertEquals("a1", text(old.load(2)));
        assertEquals("b1", text(old.load(3)));
        assertNull(old.load(4), "created after the snapshot");
        try (Snapshot now = storage.openSnapshot()) {
            assertEquals(4, now.revision());
            assertEquals("a3", text(now.load(2)));
            assertEquals("b4", text(now.load(3)));
            assertEquals("c3", text(now.load(4)));
        }
        old.close();
    }

    @Test
    void pinnedRevisionCanBeOpenedAgainButUnpinnedOldOnesCannot() {
        storage.commit(List.of(write(2, 0, type, "a1")));
        Snapshot pin = storage.openSnapshot();
        storage.commit(List.of(write(2, 1, type, "a2")));
        storage.commit(List.of(write(2, 2, type, "a3")));

        try (Snapshot again = storage.openSnapshot(1)) {
            assertEquals("a1", text(again.load(2)));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> storage.openSnapshot(2));
        assertTrue(e.getMessage().contains("no longer retained"), e.getMessage());
        try (Snapshot latest = storage.openSnapshot(3)) {
            assertEquals("a3", text(latest.load(2)));
        }
        pin.close();
        assertThrows(IllegalArgumentException.class, () -> storage.openSnapshot(1));
    }

    @Test
    void futureAndNegativeRevisionsAreRejected() {
        storage.commit(List.of(write(2, 0, type, "a1")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> storage.openSnapshot(2));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> storage.openSnapshot(-1));
    }

    @Test
    void retentionWindowKeepsNewestRevisionsOpenable() {
        try (MemoryStorage kept = new MemoryStorage(100, 3)) {
            int t = kept.typeId("t");
            for (int rev = 1; rev <= 5; rev++) {
                kept.commit(List.of(write(2, rev - 1, t, "v" + rev)));
            }
            for (int rev = 3; rev <= 5; rev++) {
                try (Snapshot s = kept.openSnapshot(rev)) {
                    assertEquals("v" + rev, text(s.load(2)));
                }
            }
            assertThrows(IllegalArgumentException.class, () -> kept.openSnapshot(2));
            // versions 3 and 4 are held for the window, older ones are gone
            assertEquals(3, kept.stats().heldVersions());
        }
    }

    @Test
    void loadAfterCloseFailsAndDoubleCloseIsHarmless() {
        storage.commit(List.of(write(2, 0, type, "a1")));
        Snapshot s = storage.openSnapshot();
        Snapshot other = storage.openSnapshot();
        s.close();
        assertThrows(IllegalStateException.class, () -> s.load(2));
        assertDoesNotThrow(s::close);
        assertEquals(1, storage.stats().openSnapshots(), "the second close released nothing");
        assertEquals("a1", text(other.load(2)));
        other.close();
        assertEquals(0, storage.stats().openSnapshots());
    }

    @Test
    void closedStorageRefusesUseAndItsSnapshotsBecomeUnusable() {
        storage.commit(List.of(write(2, 0, type, "a1")));
        Snapshot s = storage.openSnapshot();
        storage.close();
        assertDoesNotThrow(storage::close);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.load(2));
        assertEquals("storage closed", e.getMessage());
        assertDoesNotThrow(s::close);
        assertThrows(IllegalStateException.class, storage::lastRevision);
        assertThrows(IllegalStateException.class, storage::openSnapshot);
        assertThrows(IllegalStateException.class, () -> storage.openSnapshot(1));
        assertThrows(IllegalStateException.class, storage::newOid);
        assertThrows(IllegalStateException.class, () -> storage.commit(List.of()));
        assertThrows(IllegalStateException.class, () -> storage.changesSince(0));
        assertThrows(IllegalStateException.class, () -> storage.typeId("x"));
        assertThrows(IllegalStateException.class, () -> storage.typeDescriptor(1));
        assertThrows(IllegalStateException.class, storage::stats);
    }
}
