package org.jodb.storage.memory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides when a superseded version may be dropped, by the interval rule: a version visible to the
 * revisions {@code [c, R)} is needed only while some pinned revision {@code r} has
 * {@code c <= r < R}, or while the retention window (the {@code retainedRevisions} newest revisions)
 * overlaps {@code [c, R)}. Unlike LMDB's rule (free only what is newer than the oldest reader), a
 * long-lived reader holds only the versions it can see, not everything committed after it.
 *
 * <p>Work is proportional to what changes: each pending version waits in exactly one place, either
 * the retention queue (ordered by superseding revision, because commits supersede in revision
 * order) or the bucket of the smallest pin inside its interval, its <em>blocker</em>
 * ({@code pins.ceiling(c)}). Unpinning a revision revisits only its own bucket; each version there is
 * freed or moves to its next blocker, which is a later pin.
 *
 * <p>Not thread-safe: the owning storage calls it under its lock.
 */
final class Reclaimer {
    /** Pinned revision -> number of open snapshots pinning it. */
    private final TreeMap<Long, Integer> pins = new TreeMap<>();
    /** Blocking pin -> the pending versions whose smallest covering pin it is. */
    private final Map<Long, List<SupersededVersion>> blocked = new HashMap<>();
    /** Pending versions the retention window still covers, oldest superseding revision first. */
    private final ArrayDeque<SupersededVersion> retained = new ArrayDeque<>();
    private final int retainedRevisions;
    private long pending;
    private int openPins;

    /** @param retainedRevisions how many newest revisions stay readable unpinned, at least 1 */
    Reclaimer(int retainedRevisions) {
        this.retainedRevisions = retainedRevisions;
    }

    /** Adds one pin of {@code revision}. */
    void pin(long revision) {
        pins.merge(revision, 1, Integer::sum);
        openPins++;
    }

    /** Removes one pin of {@code revision}; returns the versions that became free. */
    List<SupersededVersion> unpin(long revision) {
        openPins--;
        Integer count = pins.get(revision);
        if (count > 1) {
            pins.put(revision, count - 1);
            return List.of();
        }
        pins.remove(revision);
        List<SupersededVersion> waiting = blocked.remove(revision);
        if (waiting == null) {
            return List.of();
        }
        List<SupersededVersion> free = new ArrayList<>();
        for (SupersededVersion version : waiting) {
            pending--;
            place(version, free);
        }
        return free;
    }

    /** The pinned revisions, as a copy. */
    java.util.Set<Long> pinnedRevisionSet() {
        return new java.util.HashSet<>(pins.keySet());
    }

    boolean isPinned(long revision) {
        return pins.containsKey(revision);
    }

    /** Whether the window keeps {@code revision} readable when {@code lastRevision} is the newest. */
    boolean isRetained(long revision, long lastRevision) {
        return revision > lastRevision - retainedRevisions;
    }

    /**
     * Records the versions superseded by the commit of {@code lastRevision} and advances the
     * retention window to it; returns the versions that are free now.
     */
    List<SupersededVersion> committed(List<SupersededVersion> superseded, long lastRevision) {
        List<SupersededVersion> free = new ArrayList<>();
        // The window now starts at lastRevision - retainedRevisions + 1; a version superseded at R is
        // visible up to R - 1, so the window no longer covers it once its start reaches R.
        long windowStart = lastRevision - retainedRevisions + 1;
        while (!retained.isEmpty() && retained.peekFirst().superseded() <= windowStart) {
            pending--;
            place(retained.pollFirst(), free);
        }
        for (SupersededVersion version : superseded) {
            if (version.superseded() > windowStart) {
                retained.addLast(version);
                pending++;
            } else {
                place(version, free);
            }
        }
        return free;
    }

    /** Frees {@code version} if no pin lies in its interval, else parks it with its blocker. */
    private void place(SupersededVersion version, List<SupersededVersion> free) {
        Long blocker = pins.ceilingKey(version.created());
        if (blocker == null || blocker >= version.superseded()) {
            free.add(version);
        } else {
            blocked.computeIfAbsent(blocker, k -> new ArrayList<>()).add(version);
            pending++;
        }
    }

    long pending() {
        return pending;
    }

    int pinnedRevisions() {
        return pins.size();
    }

    int openPins() {
        return openPins;
    }
}
