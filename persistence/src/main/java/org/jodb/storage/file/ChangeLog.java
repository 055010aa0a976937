package org.jodb.storage.file;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.jodb.storage.RevisionChanges;

/**
 * The oids written by each of the newest {@code capacity} revisions committed since the file was
 * opened, for cache invalidation. In memory only: a fresh process has no cached objects to
 * invalidate, so revisions before the open are answered with null ("invalidate everything").
 *
 * <p>Not thread-safe: the storage calls it under its pin lock.
 */
final class ChangeLog {
    private final ArrayDeque<RevisionChanges> entries = new ArrayDeque<>();
    private final int capacity;

    ChangeLog(int capacity) {
        this.capacity = capacity;
    }

    void add(long revision, long[] oids) {
        if (entries.size() == capacity) {
            entries.pollFirst();
        }
        entries.addLast(new RevisionChanges(revision, oids));
    }

    /** The entries after {@code afterRevision}, oldest first, or null if the log lacks one. */
    List<RevisionChanges> since(long afterRevision, long lastRevision) {
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
            result.add(new RevisionChanges(entry.revision(), entry.oids().clone()));
        }
        Collections.reverse(result);
        return result;
    }
}
