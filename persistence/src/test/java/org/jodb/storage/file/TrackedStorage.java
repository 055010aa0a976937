package org.jodb.storage.file;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jodb.storage.GcResult;
import org.jodb.storage.Record;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.RevisionChanges;
import org.jodb.storage.Snapshot;
import org.jodb.storage.Storage;

/**
 * A {@link FileStorage} over a {@link RecordingDisk} that a power-cut workload drives: each call that
 * makes a revision (open, commit, collection, compaction) returns only once the revision is durable,
 * so it is then acknowledged on the disk's log and its exact content recorded in
 * {@link ExpectedRevisions}, for the checker to compare images with.
 */
final class TrackedStorage implements AutoCloseable {
    private final RecordingDisk disk;
    private final ExpectedRevisions expected;
    private final FileStorage storage;

    private TrackedStorage(RecordingDisk disk, ExpectedRevisions expected, FileStorage storage) {
        this.disk = disk;
        this.expected = expected;
        this.storage = storage;
    }

    /** Opens (creating on first use, compacting if the options say so) the storage on {@code disk}. */
    static TrackedStorage open(RecordingDisk disk, FileStorageOptions options, ExpectedRevisions expected) {
        TrackedStorage tracked = new TrackedStorage(disk, expected, FileStorage.open(disk, options));
        tracked.acknowledge(expected.latest());
        return tracked;
    }

    FileStorage storage() {
        return storage;
    }

    long newOid() {
        return storage.newOid();
    }

    int typeId(String descriptor) {
        int id = storage.typeId(descriptor);
        expected.type(id, descriptor);
        return id;
    }

    /** The serial {@code oid} has now, 0 if it does not exist: the base of the next write to it. */
    long serial(long oid) {
        Record record = expected.latest().get(oid);
        return record == null ? 0 : record.serial();
    }

    long commit(Collection<RecordWrite> writes) {
        long revision = storage.commit(writes);
        Map<Long, Record> content = new HashMap<>(expected.latest());
        for (RecordWrite write : writes) {
            content.put(write.oid(), new Record(write.oid(), revision, write.classId(), write.references(),
                    write.payload()));
        }
        acknowledge(content);
        return revision;
    }

    /**
     * Collects garbage and checks that exactly the objects unreachable from the root went; each
     * revision of a batched removal is acknowledged with what it holds (the content before, less
     * the oids its batch removed, as the change log names them).
     */
    GcResult collectGarbage() {
        long before = storage.lastRevision();
        GcResult result = storage.collectGarbage();
        Map<Long, Record> content = reachable(expected.latest());
        long removed = expected.latest().size() - content.size();
        if (result.removedObjects() != removed) {
            throw new AssertionError("garbage collection removed " + result.removedObjects() + " objects, "
                    + removed + " were unreachable");
        }
        Map<Long, Record> batch = new HashMap<>(expected.latest());
        for (RevisionChanges change : storage.changesSince(before)) {
            if (change.revision() < storage.lastRevision()) {
                Arrays.stream(change.oids()).forEach(batch::remove);
                acknowledge(change.revision(), batch);
            }
        }
        acknowledge(content);
        return result;
    }

    void compact() {
        storage.compact();
        acknowledge(expected.latest());
    }

    Snapshot openSnapshot() {
        return storage.openSnapshot();
    }

    Snapshot openSnapshot(long revision) {
        return storage.openSnapshot(revision);
    }

    /** Checks that an open snapshot (a pinned reader) still reads exactly its revision. */
    void checkReader(Snapshot snapshot) {
        String problem = RevisionContent.difference(expected.at(snapshot.revision()), expected.oids(), snapshot);
        if (problem != null) {
            throw new AssertionError("a pinned reader: " + problem);
        }
    }

    private void acknowledge(Map<Long, Record> content) {
        acknowledge(storage.lastRevision(), content);
    }

    private void acknowledge(long revision, Map<Long, Record> content) {
        expected.acknowledge(revision, content);
        disk.acknowledge(revision);
    }

    private static Map<Long, Record> reachable(Map<Long, Record> content) {
        Set<Long> marked = new HashSet<>();
        ArrayDeque<Long> work = new ArrayDeque<>();
        work.add(Storage.ROOT_OID);
        while (!work.isEmpty()) {
            Record record = content.get(work.poll());
            if (record != null && marked.add(record.oid())) {
                Arrays.stream(record.references()).forEach(work::add);
            }
        }
        Map<Long, Record> kept = new HashMap<>(content);
        kept.keySet().retainAll(marked);
        return kept;
    }

    @Override
    public void close() {
        storage.close();
    }
}
