package org.jodb.bigfile;

import java.util.Collection;
import java.util.List;
import org.jodb.storage.GcResult;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.RevisionChanges;
import org.jodb.storage.RevisionInfo;
import org.jodb.storage.Snapshot;
import org.jodb.storage.Storage;
import org.jodb.storage.StorageStats;
import org.jodb.storage.memory.MemoryStorage;

/**
 * An in-memory storage that counts what commits hand it: records, and bytes as each record's
 * payload plus 8 bytes per reference it lists (what any storage must keep; page and header
 * overhead left out).
 */
final class WriteCountingStorage implements Storage {
    private final Storage storage = new MemoryStorage();
    private long bytes;
    private long records;

    /** Bytes committed so far. */
    synchronized long bytesWritten() {
        return bytes;
    }

    /** Records committed so far. */
    synchronized long recordsWritten() {
        return records;
    }

    @Override
    public long commit(Collection<RecordWrite> writes) {
        long revision = storage.commit(writes);
        synchronized (this) {
            for (RecordWrite write : writes) {
                bytes += write.payload().length + 8L * write.references().length;
                records++;
            }
        }
        return revision;
    }

    @Override public long lastRevision() { return storage.lastRevision(); }
    @Override public Snapshot openSnapshot() { return storage.openSnapshot(); }
    @Override public Snapshot openSnapshot(long revision) { return storage.openSnapshot(revision); }
    @Override public long newOid() { return storage.newOid(); }
    @Override public List<RevisionChanges> changesSince(long afterRevision) { return storage.changesSince(afterRevision); }
    @Override public int typeId(String descriptor) { return storage.typeId(descriptor); }
    @Override public String typeDescriptor(int id) { return storage.typeDescriptor(id); }
    @Override public GcResult collectGarbage() { return storage.collectGarbage(); }
    @Override public List<RevisionInfo> retainedRevisions() { return storage.retainedRevisions(); }
    @Override public StorageStats stats() { return storage.stats(); }
    @Override public void close() { storage.close(); }
}
