package org.jodb.storage.file;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The interval rule over superseded pages, and the reader pins it depends on.
 *
 * <p>A group of pages visible to {@code [c, R)} is held while a pinned revision {@code r} with
 * {@code c <= r < R} exists, or while the retention window ({@link RetentionWindow}: the newest
 * revisions by count and by commit time) reaches into {@code [c, R)}, i.e. {@code R} is after the
 * window's first revision.
 * Otherwise it is free. Unlike LMDB (free what is older than the oldest reader), a long-lived
 * reader holds only the pages its own revision can see.
 *
 * <p><b>Cost proportional to what changes.</b> Each held group waits in exactly one place: the
 * retention queue (ordered by {@code R}, since commits supersede in revision order), or the bucket
 * of its <em>blocker</em>, the smallest pin {@code >= c} (which is {@code < R}). When the last pin
 * of {@code r} goes, with {@code p1} the greatest remaining pin below {@code r} and {@code p2} the
 * smallest above, its bucket holds exactly the groups with {@code c} in {@code (p1, r]}; those with
 * {@code R <= p2} are freed, the others move (whole) to {@code p2}'s bucket, merged by interval.
 * Nothing else pending is looked at.
 *
 * <p>Not thread-safe: the storage calls it under its pin lock.
 */
final class PendingPages {
    private final TreeMap<Long, Integer> pins = new TreeMap<>();
    private final Map<Long, Map<PageGroup.IntervalKey, PageGroup>> blocked = new HashMap<>();
    private final ArrayDeque<PageGroup> retained = new ArrayDeque<>();
    private long pendingPages;
    private int openPins;

    void pin(long revision) {
        pins.merge(revision, 1, Integer::sum);
        openPins++;
    }

    /** Releases one pin of {@code revision}; the extents that became free go to {@code free}. */
    void unpin(long revision, Consumer<Extent> free) {
        openPins--;
        int count = pins.get(revision);
        if (count > 1) {
            pins.put(revision, count - 1);
            return;
        }
        pins.remove(revision);
        Map<PageGroup.IntervalKey, PageGroup> waiting = blocked.remove(revision);
        if (waiting != null) {
            for (PageGroup group : waiting.values()) {
                pendingPages -= group.pages();
                place(group, free);
            }
        }
    }

    /** The open pins of {@code revision}. */
    int pins(long revision) {
        return pins.getOrDefault(revision, 0);
    }

    boolean isPinned(long revision) {
        return pins.containsKey(revision);
    }

    /**
     * Takes the groups superseded by a commit that is now durable, after which the retention window
     * starts at {@code windowStart} (never earlier than at the previous call); the extents that
     * became free go to {@code free}.
     */
    void committed(List<PageGroup> superseded, long windowStart, Consumer<Extent> free) {
        while (!retained.isEmpty() && retained.peekFirst().superseded <= windowStart) {
            PageGroup group = retained.pollFirst();
            pendingPages -= group.pages();
            place(group, free);
        }
        for (PageGroup group : superseded) {
            if (group.superseded > windowStart) {
                retained.addLast(group);
                pendingPages += group.pages();
            } else {
                place(group, free);
            }
        }
    }

    /** Frees {@code group} unless a pin lies in its interval, else parks it with its blocker. */
    private void place(PageGroup group, Consumer<Extent> free) {
        Long blocker = pins.ceilingKey(group.created);
        if (blocker == null || blocker >= group.superseded) {
            group.extents.forEach(free);
            return;
        }
        blocked.computeIfAbsent(blocker, k -> new LinkedHashMap<>())
                .merge(group.key(), group, (held, more) -> {
                    held.addAll(more);
                    return held;
                });
        pendingPages += group.pages();
    }

    /** Copies of every held group, for the durable bookkeeping of a commit. */
    List<PageGroup> snapshot() {
        List<PageGroup> all = new ArrayList<>();
        for (PageGroup group : retained) {
            all.add(copy(group));
        }
        for (Map<PageGroup.IntervalKey, PageGroup> bucket : blocked.values()) {
            for (PageGroup group : bucket.values()) {
                all.add(copy(group));
            }
        }
        return all;
    }

    private static PageGroup copy(PageGroup group) {
        PageGroup copy = new PageGroup(group.created, group.superseded);
        copy.addAll(group);
        return copy;
    }

    long pendingPages() {
        return pendingPages;
    }

    int pinnedRevisions() {
        return pins.size();
    }

    int openPins() {
        return openPins;
    }
}
