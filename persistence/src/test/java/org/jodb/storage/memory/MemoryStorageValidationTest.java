package org.jodb.storage.memory;

import static org.jodb.storage.memory.Writes.NO_REFS;
import static org.jodb.storage.memory.Writes.bytes;
import static org.jodb.storage.memory.Writes.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class MemoryStorageValidationTest {
    private final MemoryStorage storage = new MemoryStorage();
    private final int type = storage.typeId("test.Thing");

    private void assertRejected(String fragment, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertEquals(0, storage.lastRevision(), "a rejected commit writes nothing");
    }

    @Test
    void malformedWritesAreRejectedBeforeAnythingIsWritten() {
        assertRejected("payload is null", () -> storage.commit(List.of(
                write(2, 0, type, "ok"), new RecordWrite(3, 0, type, NO_REFS, null))));
        assertRejected("references is null", () -> storage.commit(List.of(
                new RecordWrite(3, 0, type, null, bytes("x")))));
        assertRejected("invalid oid 0x0", () -> storage.commit(List.of(write(0, 0, type, "x"))));
        assertRejected("invalid oid", () -> storage.commit(List.of(write(-5, 0, type, "x"))));
        assertRejected("written twice", () -> storage.commit(List.of(
                write(2, 0, type, "a"), write(2, 0, type, "b"))));
        assertRejected("unknown type id 99", () -> storage.commit(List.of(write(2, 0, 99, "x"))));
        assertRejected("unknown type id 0", () -> storage.commit(List.of(write(2, 0, 0, "x"))));
        assertRejected("negative base serial", () -> storage.commit(List.of(write(2, -1, type, "x"))));
        assertRejected("a write is null", () -> storage.commit(Arrays.asList(write(2, 0, type, "x"), null)));
        assertRejected("writes is null", () -> storage.commit(null));
    }

    @Test
    void rootOidMayBeWrittenButIsNeverAllocated() {
        storage.commit(List.of(write(MemoryStorage.ROOT_OID, 0, type, "root")));
        assertEquals(MemoryStorage.FIRST_OID, storage.newOid());
        assertEquals(MemoryStorage.FIRST_OID + 1, storage.newOid());
    }

    @Test
    void payloadsAreStoredWithoutCopying() {
        byte[] payload = bytes("shared");
        storage.commit(List.of(new RecordWrite(2, 0, type, NO_REFS, payload)));
        try (Snapshot s = storage.openSnapshot()) {
            assertTrue(s.load(2).payload() == payload, "immutable by contract, so not copied");
        }
    }

    @Test
    void invalidConstructorOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MemoryStorage(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new MemoryStorage(1, 0));
    }
}
