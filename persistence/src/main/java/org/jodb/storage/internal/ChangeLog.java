package org.jodb.storage.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.jodb.storage.RevisionChanges;
import org.jodb.storage.Storage;

/**
 * The oids written by each of the newest {@code capacity} revisions, for cache invalidation: a
 * building block of {@link Storage#changesSince} implementations. Bounded so that a storage running
 * for years does not keep its whole history; a storage that keeps it in memory only answers null
 * for revisions before it was opened, which tells connections to invalidate everything.
 *
 * <p>Not thread-safe: the owning storage calls it under its lock.
 */
public final class ChangeLog {
    private final ArrayDeque<RevisionChanges> entries = new ArrayDeque<>();
    private final int capacity;

    public ChangeLog(int capacity) {
        this.capacity = capacity;
    }

    /** Appends the next revision's changes, dropping the oldest entry when full. */
    public void add(long revision, long[] oids) {
        if (entries.size() == capacity) {
            entries.pollFirst();
        }
        entries.addLast(new RevisionChanges(revision, oids));
    }

    /**
     * The entries after {@code afterRevision}, oldest first, or null if the log has dropped one of
     * them. Walks back from the newest entry, so the cost is proportional to the answer.
     */
    public List<RevisionChanges> since(long afterRevision, long lastRevision) {
        if (afterRevision >= lastRevision) {
            return List.of();
        }
        long wanted = lastRevision - afterRevision;
        if (wanted > entries.size()) {
            return null;
        }
        List<RevisionChanges> result = new ArrayList<>((int) wanted);
        Iterator<RevisionChanges> newestFirst = entries.descendingIterator();
        for (long i = 0; i < wanted; i++) {
            RevisionChanges entry = newestFirst.next();
            // Copy the oids: the log is shared by every caller and must not be altered by one.
            result.add(new RevisionChanges(entry.revision(), entry.oids().clone()));
        }
        Collections.reverse(result);
        return result;
    }
}
