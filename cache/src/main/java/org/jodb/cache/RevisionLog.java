package org.jodb.cache;

/**
 * The storage's change log as the {@link RecordCache} reads it: which oids each revision wrote.
 * Implementations are thread-safe.
 */
public interface RevisionLog {

    /** Receives one changed oid of one revision. */
    interface ChangeSink {
        void changed(long revision, long oid);
    }

    /** The newest committed revision. */
    long lastRevision();

    /**
     * Reports every (revision, oid) written by revisions after {@code afterRevision}, oldest
     * revision first, and returns the newest revision reported (or {@code afterRevision} if none);
     * returns -1 without reporting anything if the log no longer reaches back that far.
     */
    long changesAfter(long afterRevision, ChangeSink sink);
}
