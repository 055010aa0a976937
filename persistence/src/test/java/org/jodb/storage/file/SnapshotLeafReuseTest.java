package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jodb.storage.Record;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot starts a load at the leaf of its last load when that leaf spans the oid; every load
 * still answers exactly what the tree holds, in any order, absent oids inside and outside a
 * leaf's span included.
 */
class SnapshotLeafReuseTest {
    private static final int LAST_OID = 20_001; // even oids 2..20,000 stored: hundreds of leaves

    @TempDir
    Path dir;

    @Test
    void loadsInAscendingDescendingAndRandomOrderFindExactlyTheStoredRecords() {
        try (FileStorage storage = FileStorage.open(dir.resolve("leaves.jodb"),
                FileStorageOptions.defaults().withSync(false))) {
            int type = storage.typeId("t");
            List<RecordWrite> writes = new ArrayList<>();
            for (long oid = 2; oid < LAST_OID; oid += 2) {
                writes.add(new RecordWrite(oid, 0, type, new long[] {oid + 2}, payload(oid)));
            }
            storage.commit(writes);
            List<Long> order = new ArrayList<>();
            for (long oid = 1; oid <= LAST_OID + 5; oid++) {
                order.add(oid);
            }
            check(storage, order);
            Collections.reverse(order);
            check(storage, order);
            Collections.shuffle(order, new Random(13));
            check(storage, order);
        }
    }

    private static void check(FileStorage storage, List<Long> order) {
        try (Snapshot snapshot = storage.openSnapshot()) {
            for (long oid : order) {
                Record record = snapshot.load(oid);
                if (oid % 2 == 1 || oid >= LAST_OID) {
                    assertNull(record, "oid " + oid + " was never stored");
                } else {
                    assertNotNull(record, "oid " + oid);
                    assertEquals(oid, record.oid());
                    assertArrayEquals(payload(oid), record.payload(), "oid " + oid);
                    assertArrayEquals(new long[] {oid + 2}, record.references(), "oid " + oid);
                }
            }
        }
    }

    private static byte[] payload(long oid) {
        return ("record " + oid).getBytes(StandardCharsets.UTF_8);
    }
}
