package org.jodb.storage.memory;

import static org.jodb.storage.memory.Writes.NO_REFS;
import static org.jodb.storage.memory.Writes.bytes;
import static org.jodb.storage.memory.Writes.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * What only the memory storage does; what every storage does is in {@code StorageContractTest} and
 * {@code StorageConcurrencyContractTest}, run here by {@link MemoryStorageContractTest} and
 * {@link MemoryStorageConcurrencyTest}.
 */
class MemoryStorageTest {

    @Test
    void payloadsAreStoredWithoutCopying() {
        try (MemoryStorage storage = new MemoryStorage()) {
            byte[] payload = bytes("shared");
            storage.commit(List.of(new RecordWrite(2, 0, storage.typeId("t"), NO_REFS, payload)));
            try (Snapshot s = storage.openSnapshot()) {
                assertTrue(s.load(2).payload() == payload, "immutable by contract, so not copied");
            }
        }
    }

    @Test
    void theRetentionWindowHoldsOnlyTheVersionsItCanSee() {
        try (MemoryStorage kept = new MemoryStorage(100, 3)) {
            int t = kept.typeId("t");
            for (int rev = 1; rev <= 5; rev++) {
                kept.commit(List.of(write(2, rev - 1, t, "v" + rev)));
            }
            // versions 3 and 4 are held for the window, older ones are gone
            assertEquals(3, kept.stats().heldVersions());
        }
    }

    @Test
    void invalidConstructorOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MemoryStorage(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new MemoryStorage(1, 0));
    }
}
