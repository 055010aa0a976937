package org.jodb;

import java.util.Collection;
import org.jodb.storage.ForwardingStorage;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Storage;

/**
 * A storage that runs an action just before one chosen commit call, so that a test can land
 * another transaction's commit exactly between a conflict-resolving connection's merge and its
 * retried commit.
 */
final class CommitHookStorage extends ForwardingStorage {
    private int commitsBeforeAction = -1;
    private Runnable action;

    CommitHookStorage(Storage storage) {
        super(storage);
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
    }}
