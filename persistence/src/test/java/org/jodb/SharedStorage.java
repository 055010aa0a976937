package org.jodb;

import java.util.Collection;
import java.util.List;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.RevisionChanges;
import org.jodb.storage.Snapshot;
import org.jodb.storage.Storage;

/** Lets several databases in one test share a storage: closing a database leaves it open. */
final class SharedStorage implements Storage {
    private final Storage storage;

    SharedStorage(Storage storage) {
        this.storage = storage;
    }

    @Override public long lastRevision() { return storage.lastRevision(); }
    @Override public Snapshot openSnapshot() { return storage.openSnapshot(); }
    @Override public Snapshot openSnapshot(long revision) { return storage.openSnapshot(revision); }
    @Override public long newOid() { return storage.newOid(); }
    @Override public long commit(Collection<RecordWrite> writes) { return storage.commit(writes); }
    @Override public List<RevisionChanges> changesSince(long afterRevision) { return storage.changesSince(afterRevision); }
    @Override public int typeId(String descriptor) { return storage.typeId(descriptor); }
    @Override public String typeDescriptor(int id) { return storage.typeDescriptor(id); }
    @Override public org.jodb.storage.GcResult collectGarbage() { return storage.collectGarbage(); }
    @Override public List<org.jodb.storage.RevisionInfo> retainedRevisions() { return storage.retainedRevisions(); }
    @Override public org.jodb.storage.StorageStats stats() { return storage.stats(); }
    @Override public void close() { }
}
