package org.jodb.storage.file;

import java.util.ArrayList;
import java.util.List;
import org.jodb.JodbException;

/**
 * Makes written revisions durable, many per sync. A commit writes its pages under the commit lock
 * and {@link #add}s itself here, in revision order; then, outside the lock, it {@link #awaitDurable}s.
 * The first waiter to find no leader becomes the leader: it takes every revision waiting, writes the
 * meta page of the newest of them (with the {@link CommitCheck} of all their pages) into the slot
 * that does not hold the newest durable revision, syncs once, and publishes that revision to
 * readers. The others wait for a leader to reach their revision; meanwhile later commits write
 * theirs, and form the next group. Only one meta page per group is written, so the durable one is
 * never overwritten before the next is synced, whatever the group's size.
 *
 * <p>Until its group's sync, a revision is invisible to readers ({@link ReadableRevisions#reveal}
 * comes after), and the pages it superseded or freed are not reused
 * ({@link ReadableRevisions#takeReleased} hands out only what a durable revision released).
 *
 * <p>Without {@link FileStorageOptions#sync} the same happens without the sync (unless a revision
 * shrinks the file, which it may cut only once its meta page is durable).
 *
 * <p>Thread-safe: the queue, the durable revision and the leader flag are guarded by this object's
 * monitor, never held across I/O; the leader alone writes meta pages and syncs.
 */
final class GroupCommit {
    private final PageFile file;
    private final ReadableRevisions revisions;
    private final boolean sync;
    private final Runnable closeAfterFailure;
    /** Used only by the leader. */
    private final WrittenPages written = new WrittenPages();
    private int durableSlot;
    private MetaPage durableMeta;

    // guarded by this
    private final List<WrittenRevision> waiting = new ArrayList<>();
    private long durable;
    private boolean leading;
    private RuntimeException failure;
    private long syncs;
    private long synced;

    GroupCommit(PageFile file, ReadableRevisions revisions, boolean sync, MetaPage durableMeta, int durableSlot,
            Runnable closeAfterFailure) {
        this.file = file;
        this.revisions = revisions;
        this.sync = sync;
        this.durableMeta = durableMeta;
        this.durable = durableMeta.revision();
        this.durableSlot = durableSlot;
        this.closeAfterFailure = closeAfterFailure;
    }

    /** Queues a written revision; called under the commit lock, so in revision order. */
    synchronized void add(WrittenRevision revision) {
        waiting.add(revision);
    }

    /** The newest durable revision: pages it released may be reused. */
    synchronized long durable() {
        return durable;
    }

    /**
     * The meta page of the newest durable revision; consistent with the storage's own state only
     * when nothing waits (under the commit lock, after {@link #awaitDurable} of the newest written).
     */
    synchronized MetaPage durableMeta() {
        return durableMeta;
    }

    /** Groups synced, and the revisions they made durable, since the open. */
    synchronized long[] figures() {
        return new long[] {syncs, synced};
    }

    /**
     * Returns once {@code revision} is durable, leading groups as needed. Not interruptible: a commit
     * whose pages are written returns only durable or failed.
     *
     * @throws JodbException if a sync failed (the storage is then closed)
     */
    void awaitDurable(long revision) {
        boolean interrupted = false;
        try {
            while (true) {
                List<WrittenRevision> group;
                long base;
                synchronized (this) {
                    if (durable >= revision) {
                        return;
                    }
                    if (failure != null) {
                        throw new JodbException(file.path() + ": revision " + revision + " was not made durable: "
                                + failure.getMessage(), failure);
                    }
                    if (leading) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                        continue;
                    }
                    leading = true;
                    group = new ArrayList<>(waiting);
                    waiting.clear();
                    base = durable;
                }
                lead(group, base);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void lead(List<WrittenRevision> group, long base) {
        MetaPage meta;
        try {
            meta = makeDurable(group, base);
        } catch (RuntimeException | Error e) {
            closeAfterFailure.run();
            synchronized (this) {
                failure = e instanceof RuntimeException runtime ? runtime : new JodbException(e.toString(), e);
                leading = false;
                notifyAll();
            }
            throw e;
        }
        synchronized (this) {
            durable = meta.revision();
            durableMeta = meta;
            syncs++;
            synced += group.size();
            leading = false;
            notifyAll();
        }
    }

    /** Writes the newest revision's meta page, syncs, publishes; the group's revisions are in order. */
    private MetaPage makeDurable(List<WrittenRevision> group, long base) {
        WrittenRevision newest = group.get(group.size() - 1);
        boolean shrinking = false;
        for (WrittenRevision revision : group) {
            written.apply(revision);
            shrinking |= revision.shrinking();
        }
        MetaPage meta = newest.meta().withCheck(written.check(base));
        int slot = 1 - durableSlot;
        file.write(meta.encode(slot));
        if (sync || shrinking) {
            file.force();
        }
        written.clear();
        durableSlot = slot;
        revisions.reveal(newest.head());
        return meta;
    }
}
