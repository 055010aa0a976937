package org.jodb.storage.memory;

import static org.jodb.storage.memory.Writes.text;
import static org.jodb.storage.memory.Writes.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jodb.ConflictException;
import org.jodb.storage.Snapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemoryStorageConflictTest {
    private final MemoryStorage storage = new MemoryStorage();
    private final int type = storage.typeId("test.Thing");

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void firstCommitIsRevisionOneAndRecordsCarryItAsSerial() {
        assertEquals(0, storage.lastRevision());
        long rev = storage.commit(List.of(write(0x2a, 0, type, "a")));
        assertEquals(1, rev);
        assertEquals(1, storage.lastRevision());
        try (Snapshot s = storage.openSnapshot()) {
            assertEquals(1, s.load(0x2a).serial());
            assertEquals(type, s.load(0x2a).classId());
            assertEquals("a", text(s.load(0x2a)));
        }
    }

    @Test
    void staleBaseSerialConflictsNamingOidAndBothRevisions() {
        storage.commit(List.of(write(0x2a, 0, type, "v1")));
        storage.commit(List.of(write(0x2a, 1, type, "v2")));
        ConflictException e = assertThrows(ConflictException.class,
                () -> storage.commit(List.of(write(0x2a, 1, type, "stale"))));
        assertEquals(0x2a, e.oid());
        assertEquals(1, e.readSerial());
        assertEquals(2, e.currentSerial());
        assertTrue(e.getMessage().contains("oid 0x2a"), e.getMessage());
        assertTrue(e.getMessage().contains("revision 1") && e.getMessage().contains("revision 2"),
                e.getMessage());
    }

    @Test
    void creatingAnExistingOidConflicts() {
        storage.commit(List.of(write(0x2a, 0, type, "v1")));
        ConflictException e = assertThrows(ConflictException.class,
                () -> storage.commit(List.of(write(0x2a, 0, type, "again"))));
        assertEquals(0, e.readSerial());
        assertEquals(1, e.currentSerial());
        assertTrue(e.getMessage().contains("oid 0x2a already exists"), e.getMessage());
    }

    @Test
    void writingAMissingObjectWithABaseSerialConflicts() {
        ConflictException e = assertThrows(ConflictException.class,
                () -> storage.commit(List.of(write(7, 3, type, "x"))));
        assertEquals(3, e.readSerial());
        assertEquals(0, e.currentSerial());
    }

    @Test
    void nothingIsWrittenWhenOneWriteConflicts() {
        storage.commit(List.of(write(2, 0, type, "two"), write(3, 0, type, "three")));
        storage.commit(List.of(write(3, 1, type, "three'")));
        assertThrows(ConflictException.class, () -> storage.commit(List.of(
                write(2, 1, type, "two'"), write(4, 0, type, "four"), write(3, 1, type, "stale"))));
        assertEquals(2, storage.lastRevision());
        assertEquals(2, storage.changesSince(0).size());
        try (Snapshot s = storage.openSnapshot()) {
            assertEquals("two", text(s.load(2)));
            assertEquals(1, s.load(2).serial());
            assertNull(s.load(4));
            assertEquals("three'", text(s.load(3)));
        }
        assertEquals(2, storage.stats().heldVersions(), "oid 3's first version was reclaimed");
    }

    @Test
    void emptyCommitCreatesNoRevision() {
        storage.commit(List.of(write(2, 0, type, "x")));
        assertEquals(1, storage.commit(List.of()));
        assertEquals(1, storage.lastRevision());
        assertEquals(List.of(), storage.changesSince(1));
    }
}
