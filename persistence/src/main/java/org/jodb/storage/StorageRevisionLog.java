package org.jodb.storage;

import java.util.List;
import org.jodb.cache.RevisionLog;

/** A storage's change log seen through the record cache's {@link RevisionLog}. Thread-safe. */
public final class StorageRevisionLog implements RevisionLog {
    private final Storage storage;

    public StorageRevisionLog(Storage storage) {
        this.storage = storage;
    }

    @Override
    public long lastRevision() {
        return storage.lastRevision();
    }

    @Override
    public long changesAfter(long afterRevision, ChangeSink sink) {
        List<RevisionChanges> log = storage.changesSince(afterRevision);
        if (log == null) {
            return -1;
        }
        long reached = afterRevision;
        for (RevisionChanges changes : log) {
            for (long oid : changes.oids()) {
                sink.changed(changes.revision(), oid);
            }
            reached = Math.max(reached, changes.revision());
        }
        return reached;
    }
}
