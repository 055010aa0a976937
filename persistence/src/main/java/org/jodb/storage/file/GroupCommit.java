package org.jodb.storage.file;

import java.util.ArrayList;
import java.util.List;
import org.jodb.JodbException;

/**
 * Makes written revisions durable, many per sync. A commit writes its pages under the commit lock
 * and {@link #add}s itself here, in revision order; then, outside the lock, it {@link #awaitDurable}s.
 * The first waiter to find no leader becomes the leader: it takes every revision waiting, writes the
 * meta page of the newest of them (with the {@link CommitCheck} of all their pages) into the slot
 * that does not hold the newest durable revision, and syncs once. The others wait for a leader to
 * reach their revision; meanwhile later commits write theirs, and form the next group. Only one meta page per group is written, so the durable one is
 * never overwritten before the next is synced, whatever the group's size.
 *
 * <p>Until its group's sync, the pages a revision superseded or freed are not reused
 * ({@link ReadableRevisions#takeReleased} hands out only what a durable revision released), so the
 * previous durable revision stays whole for the open to fall back to. Readers see a revision as
 * soon as it is written (as LMDB's readers see a meta page before its sync): a transaction that
 * begins while the group syncs reads the newest state and so rarely conflicts; only its commit
 * waits, until its own revision is durable.
 *
 * <p>Without {@link FileStorageOptions#sync} the same happens without the sync (unless a revision
 * shrinks the file, which it may cut only once its meta page is durable).
 *
 * <p>Thread-safe: the queue, the durable revision and the leader flag are guarded by this object's
 * monitor, never held across I/O; the leader alone writes meta pages and syncs.
 */
final class GroupCommit {
    private final PageFile file;
    private final boolean sync;
    private final Runnable closeAfterFailure;
    /** Used only by the leader. */
    private final WrittenPages written = new WrittenPages();
    private int durableSlot;

    // guarded by this
    private final List<WrittenRevision> waiting = new ArrayList<>();
    private long durable;
    private boolean leading;
    private RuntimeException failure;

    /** {@code durable}: the revision the file opened at, whose meta page is in {@code durableSlot}. */
    GroupCommit(PageFile file, boolean sync, long durable, int durableSlot, Runnable closeAfterFailure) {
        this.file = file;
        this.sync = sync;
        this.durable = durable;
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
            leading = false;
            notifyAll();
        }
    }

    /** Writes the newest revision's meta page and syncs; the group's revisions are in order. */
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
        return meta;
    }
}
