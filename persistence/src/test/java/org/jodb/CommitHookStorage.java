package org.jodb;

import java.util.Collection;
import java.util.List;
import org.jodb.storage.GcResult;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.RevisionChanges;
import org.jodb.storage.RevisionInfo;
import org.jodb.storage.Snapshot;
import org.jodb.storage.Storage;
import org.jodb.storage.StorageStats;

/**
 * A storage that runs an action just before one chosen commit call, so that a test can land
 * another transaction's commit exactly between a conflict-resolving connection's merge and its
 * retried commit.
 */
final class CommitHookStorage implements Storage {
    private final Storage storage;
    private int commitsBeforeAction = -1;
    private Runnable action;

    CommitHookStorage(Storage storage) {
        this.storage = storage;
    }

    /** Runs {@code action} before the commit call after the next {@code skipped} ones. */
    synchronized void beforeCommit(int skipped, Runnable action) {
        this.commitsBeforeAction = skipped;
        this.action = action;
    }

    @Override
    public long commit(Collection<RecordWrite> writes) {
        Runnable due = null;
        synchronized (this) {
            if (action != null && commitsBeforeAction-- == 0) {
                due = action;
                action = null; // the action's own commit passes straight through
            }
        }
        if (due != null) {
            due.run();
        }
        return storage.commit(writes);
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
