package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.RevisionInfo;
import org.jodb.storage.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableBookkeepingTest {
    private static final FileStorageOptions KEEP4 = FileStorageOptions.defaults().withPageSize(1024).withSync(false)
            .keepRevisions(4);

    @TempDir
    Path dir;

    private static byte[] payload(long revision) {
        return ("written at " + revision).getBytes();
    }

    /**
     * A compaction carries the entries of the retained revisions over into its own (so none of them
     * keeps the end of the file): the revisions it retains still open after a restart, with their
     * content.
     */
    @Test
    void aCompactionKeepsTheRetainedRevisionsOpenableAcrossARestart() {
        Path file = dir.resolve("keep4.jodb");
        List<Long> retained;
        long oid;
        try (FileStorage storage = FileStorage.open(file, KEEP4)) {
            int type = storage.typeId("record");
            oid = storage.newOid();
            long serial = 0;
            for (int i = 0; i < 6; i++) {
                serial = storage.commit(List.of(new RecordWrite(oid, serial, type, new long[0], payload(serial + 1))));
            }
            storage.compact();
            retained = storage.retainedRevisions().stream().map(RevisionInfo::revision).toList();
            storage.verify();
        }
        try (FileStorage storage = FileStorage.open(file, KEEP4)) {
            storage.verify();
            assertEquals(retained, storage.retainedRevisions().stream().map(RevisionInfo::revision).toList());
            for (long revision : retained) {
                try (Snapshot snapshot = storage.openSnapshot(revision)) {
                    long written = Math.min(revision, 6);
                    assertArrayEquals(payload(written), snapshot.load(oid).payload(),
                            "revision " + revision);
                }
            }
        }
    }
}
