package org.jodb.storage.internal;

import java.util.List;
import java.util.function.Function;
import org.jodb.storage.RevisionChanges;

/**
 * A storage's objects as {@link ConcurrentCollection} walks them: {@code H} names one readable
 * revision (the file storage's tree head, the memory storage's revision number).
 *
 * <p>Methods taking a head read that revision without locks, except where noted; the storage keeps
 * the revision readable (pinned, or newest under its commit lock) while the collection runs. Used
 * by one collection, on the thread that runs it.
 */
public interface ObjectGraph<H> {
    /** Receives one object: its oid and its serial. */
    @FunctionalInterface
    interface ObjectSink {
        void object(long oid, long serial);
    }

    /** The revision number of {@code head}. */
    long revision(H head);

    /** The oids the record of {@code oid} refers to at {@code head}, or null if it does not exist there. */
    long[] references(H head, long oid);

    /** Calls {@code sink} for every object that exists at {@code head}. */
    void forEachObject(H head, ObjectSink sink);

    /**
     * The serial of the newest version of {@code oid} (a removal counts), 0 if none; called under the
     * commit lock with the newest head.
     */
    long serial(H head, long oid);

    /** How many objects exist at {@code head}; called under the commit lock. */
    long objectCount(H head);

    /**
     * The change log after {@code afterRevision} up to {@code lastRevision}, or null if it no longer
     * reaches back that far; called under the commit lock.
     */
    List<RevisionChanges> changes(long afterRevision, long lastRevision);

    /**
     * Takes the commit lock, checks the storage is open, runs {@code action} with the newest head and
     * releases the lock.
     */
    <T> T underCommitLock(Function<H, T> action);

    /**
     * Commits one revision after {@code head} that removes {@code oids} (and remembers them as removed,
     * so no later commit may refer to them); returns it. Called under the commit lock.
     */
    long remove(H head, long[] oids);
}
