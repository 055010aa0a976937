package org.jodb.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The versions of one object that a storage's retained revisions can still read: what
 * {@code Database.history} and the {@code jodb history} command show. Stateless.
 */
public final class ObjectHistory {
    private ObjectHistory() {
    }

    /**
     * The versions of {@code oid}, newest first: each as the revision that wrote it (the record's
     * serial) with that revision's commit time, null if the storage no longer knows it. Empty if no
     * retained revision has the object.
     */
    public static List<RevisionInfo> versions(Storage storage, long oid) {
        List<RevisionInfo> versions = new ArrayList<>();
        Map<Long, Instant> times = new HashMap<>();
        List<RevisionInfo> retained = storage.retainedRevisions();
        retained.forEach(info -> times.put(info.revision(), info.committed()));
        long lastSerial = -1;
        for (RevisionInfo info : retained) {
            Record record;
            try (Snapshot snapshot = storage.openSnapshot(info.revision())) {
                record = snapshot.load(oid);
            } catch (IllegalArgumentException leftTheWindow) {
                continue; // a commit moved the retention window since the list was taken
            }
            if (record != null && record.serial() != lastSerial) {
                versions.add(new RevisionInfo(record.serial(), times.get(record.serial())));
                lastSerial = record.serial();
            }
        }
        return versions;
    }
}
