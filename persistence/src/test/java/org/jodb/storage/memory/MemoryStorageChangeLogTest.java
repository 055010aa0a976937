package org.jodb.storage.memory;

import static org.jodb.storage.memory.Writes.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jodb.storage.RevisionChanges;
import org.junit.jupiter.api.Test;

class MemoryStorageChangeLogTest {

    @Test
    void changesSinceListsEachLaterRevisionsOidsOldestFirst() {
        try (MemoryStorage storage = new MemoryStorage()) {
            int t = storage.typeId("t");
            assertEquals(List.of(), storage.changesSince(0));
            storage.commit(List.of(write(2, 0, t, "a"), write(3, 0, t, "b")));
            storage.commit(List.of(write(3, 1, t, "b'")));
            storage.commit(List.of(write(4, 0, t, "c"), write(2, 1, t, "a'")));

            List<RevisionChanges> all = storage.changesSince(0);
            assertEquals(3, all.size());
            assertEquals(1, all.get(0).revision());
            assertArrayEquals(new long[] {2, 3}, all.get(0).oids());
            assertArrayEquals(new long[] {3}, all.get(1).oids());
            assertArrayEquals(new long[] {4, 2}, all.get(2).oids());

            List<RevisionChanges> tail = storage.changesSince(2);
            assertEquals(1, tail.size());
            assertEquals(3, tail.get(0).revision());
            assertEquals(List.of(), storage.changesSince(3));
            assertEquals(List.of(), storage.changesSince(10), "a future revision has no changes yet");
            assertThrows(IllegalArgumentException.class, () -> storage.changesSince(-1));
        }
    }

    @Test
    void changesSinceReturnsNullOnceTheLogNoLongerReachesBack() {
        try (MemoryStorage storage = new MemoryStorage(3, 1)) {
            int t = storage.typeId("t");
            for (int rev = 1; rev <= 5; rev++) {
                storage.commit(List.of(write(2, rev - 1, t, "v" + rev)));
            }
            // the log holds revisions 3..5
            assertNull(storage.changesSince(0));
            assertNull(storage.changesSince(1));
            List<RevisionChanges> fromTwo = storage.changesSince(2);
            assertNotNull(fromTwo);
            assertEquals(List.of(3L, 4L, 5L), fromTwo.stream().map(RevisionChanges::revision).toList());
        }
    }

    @Test
    void callersCannotAlterTheLog() {
        try (MemoryStorage storage = new MemoryStorage()) {
            int t = storage.typeId("t");
            storage.commit(List.of(write(2, 0, t, "a")));
            storage.changesSince(0).get(0).oids()[0] = 99;
            assertArrayEquals(new long[] {2}, storage.changesSince(0).get(0).oids());
        }
    }
}
