package org.jodb.storage.file;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jodb.storage.RevisionChanges;
import org.jodb.storage.RevisionInfo;
import org.jodb.storage.internal.ChangeLog;

/**
 * The revisions readers can open and the pages held for them: the published newest head, the
 * readable heads by revision, pins and pending groups ({@link PendingPages}), the
 * {@link RetentionWindow}, the extents released since the last commit, the change log and the
 * closed flag. This is the <i>pin lock</i> of the package documentation: every method holds this
 * object's monitor, briefly and never across I/O, so opening a snapshot never waits for a commit's
 * forces. A caller that also needs the commit lock takes the commit lock first.
 *
 * <p><b>Recorded and revealed.</b> A commit {@link #record}s its revision as soon as its pages are
 * written (so the next commit's bookkeeping accounts for it), then {@link #reveal}s it to readers;
 * the extents it released are handed out only once its group's sync made it durable
 * ({@link #takeReleased} takes only those released by durable revisions). The newest revealed
 * revision is pinned by this object itself for as long as it is the newest: a reader may pin it
 * between the record and the reveal of the next, so what that one supersedes must be held for it.
 *
 * <p>Thread-safe. {@link #current()} and {@link #isClosed()} read volatile fields without the lock.
 */
final class ReadableRevisions {
    private final PendingPages pending = new PendingPages();
    private final RetentionWindow window;
    /** Extents released, in order, each with the revision that must be durable before its reuse. */
    private final ArrayDeque<Released> released = new ArrayDeque<>();
    private long releasedPages;
    private final Map<Long, Head> heads = new HashMap<>();
    private final ChangeLog changeLog;

    /** The newest recorded revision (written, maybe not yet durable). */
    private long recorded;
    private volatile Head current;
    private volatile boolean closed;

    /** What a commit records in its bookkeeping, copied under the lock. */
    record Held(List<Head> kept, List<Extent> released, List<PageGroup> groups) {
    }

    private record Released(Extent extent, long durableFrom) {
    }

    /** The newest revision and the page figures held here, at one instant. */
    record Accounting(long revision, long releasedPages, long pendingPages, int pinnedRevisions, int openPins) {
    }

    ReadableRevisions(Head newest, FileStorageOptions options) {
        this.window = new RetentionWindow(options.keepRevisions(), options.keepHistory());
        this.changeLog = new ChangeLog(options.changeLogRevisions());
        this.current = newest;
        this.recorded = newest.revision();
        heads.put(newest.revision(), newest);
        pending.pin(newest.revision()); // the newest revealed revision's own pin, see the class doc
    }

    /** A new file, or one without bookkeeping: only the newest head, judged at {@code now}. */
    synchronized void startWindow(long now) {
        window.advance(current, now, heads::remove);
    }

    /**
     * Rebuilds the heads, the window and the pending groups from the newest durable bookkeeping, at
     * open time; the recorded revision is durable and nothing is pinned yet, so what no kept revision
     * needs goes to {@code free} at once.
     */
    synchronized void restore(List<Head> retained, List<PageGroup> recordedGroups, long now,
            Consumer<Extent> free) {
        // The window is rebuilt oldest first and judged at the open's "now": what aged out of a
        // time window while the file was closed leaves it here.
        List<Head> older = new ArrayList<>(retained);
        older.sort(Comparator.comparingLong(Head::revision));
        for (Head head : older) {
            if (head.revision() < current.revision()) {
                heads.put(head.revision(), head);
                window.advance(head, now, heads::remove);
            }
        }
        window.advance(current, now, heads::remove);
        List<PageGroup> groups = new ArrayList<>(recordedGroups);
        groups.sort(Comparator.comparingLong(group -> group.superseded));
        pending.committed(groups, window.start(), free);
    }

    /** The newest published head; lock-free. */
    Head current() {
        return current;
    }

    boolean isClosed() {
        return closed;
    }

    void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("storage closed");
        }
    }

    /** Pins the newest head, as one step with choosing it. */
    synchronized Head pinNewest() {
        ensureOpen();
        Head head = current;
        pending.pin(head.revision());
        return head;
    }

    /**
     * Pins {@code revision}.
     *
     * @throws IllegalArgumentException if it does not exist or is no longer retained
     */
    synchronized Head pin(long revision) {
        ensureOpen();
        long last = current.revision();
        if (revision < 0 || revision > last) {
            throw new IllegalArgumentException(
                    "revision " + revision + " does not exist (last revision is " + last + ")");
        }
        Head head = heads.get(revision);
        if (head == null) {
            throw new IllegalArgumentException("revision " + revision + " is no longer retained"
                    + " (last revision is " + last + "; " + window.describe() + ")");
        }
        pending.pin(revision);
        return head;
    }

    /** Releases one pin of {@code revision}: what only it held is released for the next commit. */
    synchronized void unpin(long revision) {
        if (closed) {
            return;
        }
        dropPin(revision);
    }

    private void dropPin(long revision) {
        pending.unpin(revision, this::release);
        if (!pending.isPinned(revision) && revision < window.start()) {
            heads.remove(revision);
        }
    }

    /**
     * Hands the extents released by revisions up to {@code durable} to {@code free} and forgets them:
     * they were superseded by durable revisions, so the commit that takes them may write them. Those
     * a later, not yet durable revision released wait.
     */
    synchronized void takeReleased(long durable, Consumer<Extent> free) {
        while (!released.isEmpty() && released.peekFirst().durableFrom() <= durable) {
            Extent extent = released.pollFirst().extent();
            releasedPages -= extent.span();
            free.accept(extent);
        }
    }

    private List<Extent> releasedExtents() {
        List<Extent> extents = new ArrayList<>(released.size());
        released.forEach(entry -> extents.add(entry.extent()));
        return extents;
    }

    /**
     * Where the retention window starts once {@code next}, committed at {@code committedAt}, is
     * published: what the bookkeeping of its commit keeps.
     */
    synchronized long windowStartWith(Head next, long committedAt) {
        return window.startWith(next, committedAt);
    }

    /** Where the retention window starts now. */
    synchronized long windowStart() {
        return window.start();
    }

    /**
     * Records the written revision {@code next}: moves the window, applies the interval rule to the
     * groups it superseded, releases {@code freedNow} (for reuse once {@code next} is durable), logs
     * {@code oids}. Readers see it only once {@link #reveal}ed.
     */
    synchronized void record(Head next, long committedAt, List<PageGroup> superseded, List<Extent> freedNow,
            long[] oids) {
        recorded = next.revision();
        heads.put(next.revision(), next);
        window.advance(next, committedAt, leaving -> {
            if (!pending.isPinned(leaving)) {
                heads.remove(leaving);
            }
        });
        pending.committed(superseded, window.start(), this::release);
        freedNow.forEach(this::release);
        changeLog.add(next.revision(), oids);
    }

    /** Makes the recorded revision {@code next} the newest head readers open, moving this object's pin to it. */
    synchronized void reveal(Head next) {
        Head previous = current;
        if (next.revision() > previous.revision()) {
            pending.pin(next.revision());
            current = next;
            dropPin(previous.revision());
        }
    }

    /** Released now: reusable once the newest recorded revision is durable (it superseded the extent). */
    private void release(Extent extent) {
        released.addLast(new Released(extent, recorded));
        releasedPages += extent.span();
    }

    /** The change log after {@code afterRevision} up to {@code lastRevision}, or null if it does not reach. */
    synchronized List<RevisionChanges> changes(long afterRevision, long lastRevision) {
        return changeLog.since(afterRevision, lastRevision);
    }

    /** The change log after {@code afterRevision} up to the newest revision; see {@code Storage.changesSince}. */
    synchronized List<RevisionChanges> changesSince(long afterRevision) {
        ensureOpen();
        return changeLog.since(afterRevision, current.revision());
    }

    /** The readable revisions, newest first. */
    synchronized List<RevisionInfo> retained() {
        ensureOpen();
        List<RevisionInfo> revisions = new ArrayList<>();
        for (Head head : heads.values()) {
            revisions.add(new RevisionInfo(head.revision(),
                    head.timestamp() == 0 ? null : Instant.ofEpochMilli(head.timestamp())));
        }
        revisions.sort(Comparator.comparingLong(RevisionInfo::revision).reversed());
        return revisions;
    }

    /** The figures of this object that {@code FileStorage.stats()} reports, taken in one step. */
    synchronized Accounting accounting() {
        ensureOpen();
        // Without the newest revision's own pin.
        int pinnedRevisions = pending.pinnedRevisions() - (pending.pins(current.revision()) == 1 ? 1 : 0);
        return new Accounting(current.revision(), releasedPages, pending.pendingPages(), pinnedRevisions,
                pending.openPins() - 1);
    }

    /** The readable heads, released extents and pending groups now, copied in one step. */
    synchronized Held held() {
        return new Held(new ArrayList<>(heads.values()), releasedExtents(), pending.snapshot());
    }

    /** Marks the storage closed; false if it already was. */
    synchronized boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }
}
