package org.jodb.storage.file;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.LongConsumer;

/**
 * Which revisions stay openable without a pin: the newest {@code keepRevisions}, and every revision
 * committed within {@code keepHistory} of now. Because commit times never decrease with the revision
 * (see {@link #commitTime}), both rules keep a suffix of the revisions, and so does their union: the
 * window is {@code [start, last]}, and the interval rule needs only {@link #start()} (a page of
 * {@code [c, R)} is held while {@code R > start}).
 *
 * <p>The start only moves forward, when a commit or the open calls {@link #advance}; between calls
 * time passes without freeing anything (pages are held a little longer, never too briefly). Each
 * call looks only at the revisions that leave, so its cost is proportional to them.
 *
 * <p>Not thread-safe: the storage calls it under its pin lock (and the commit lock).
 */
final class RetentionWindow {
    private final int keepRevisions;
    private final long keepMillis;
    /** The revisions in the window, oldest first, with their commit times (0 = unknown). */
    private final ArrayDeque<Head> inside = new ArrayDeque<>();
    private long start;

    RetentionWindow(int keepRevisions, Duration keepHistory) {
        this.keepRevisions = keepRevisions;
        this.keepMillis = keepHistory.toMillis();
    }

    /** The first revision the window keeps. */
    long start() {
        return start;
    }

    /**
     * The commit time to record for a revision committed at {@code now} after one committed at
     * {@code previous}: never earlier, so a clock stepped back cannot split the window into pieces.
     */
    static long commitTime(long now, long previous) {
        return Math.max(now, previous);
    }

    /**
     * Adds {@code head}, the new newest revision (revisions must come in ascending order), and moves
     * the start to what the rules keep at {@code now}; every revision that leaves goes to
     * {@code leaving}, oldest first.
     */
    void advance(Head head, long now, LongConsumer leaving) {
        inside.addLast(head);
        while (inside.size() > 1 && leaves(inside.peekFirst(), head.revision(), now)) {
            leaving.accept(inside.pollFirst().revision());
        }
        start = inside.peekFirst().revision();
    }

    /**
     * Where the window would start after {@link #advance advancing} to {@code head} at {@code now},
     * without moving it: a commit records the retained roots before it is durable.
     */
    long startWith(Head head, long now) {
        for (Head oldest : inside) {
            if (!leaves(oldest, head.revision(), now)) {
                return oldest.revision();
            }
        }
        return head.revision();
    }

    /** Whether neither rule keeps {@code head} once {@code newest} is the newest revision. */
    private boolean leaves(Head head, long newest, long now) {
        if (head.revision() > newest - keepRevisions) {
            return false;
        }
        // A revision of unknown time (format version 1) counts as old: only the count keeps it.
        return keepMillis == 0 || head.timestamp() == 0 || head.timestamp() < now - keepMillis;
    }

    /** A description of the rules, for errors about revisions that left. */
    String describe() {
        return "the newest " + keepRevisions + (keepMillis == 0 ? "" : " and those committed within "
                + Duration.ofMillis(keepMillis)) + " are kept, besides pinned ones";
    }
}
