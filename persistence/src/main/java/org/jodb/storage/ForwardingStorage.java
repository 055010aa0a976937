package org.jodb.storage;

import java.util.Collection;
import java.util.List;

/**
 * A storage that forwards every call to another one: subclass it and override the calls to watch
 * or change (count what commits write, run an action before a commit, ...). Thread-safe if the
 * storage it forwards to is and the overrides are.
 */
public abstract class ForwardingStorage implements Storage {
    /** The storage every call goes to. */
    protected final Storage storage;

    protected ForwardingStorage(Storage storage) {
        if (storage == null) {
            throw new NullPointerException("storage");
        }
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
    @Override public GcResult collectGarbage() { return storage.collectGarbage(); }
    @Override public CompactionResult compact() { return storage.compact(); }
    @Override public List<RevisionInfo> retainedRevisions() { return storage.retainedRevisions(); }
    @Override public long preferredRecordCacheBytes() { return storage.preferredRecordCacheBytes(); }
    @Override public boolean worthCaching(Record record) { return storage.worthCaching(record); }
    @Override public StorageStats stats() { return storage.stats(); }
    @Override public void close() { storage.close(); }
}
