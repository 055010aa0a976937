package org.jodb.storage.file;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The process writing a storage file that this JVM opened read-only at {@link #revision}
 * ({@link FileStorage#openReadOnly}): tells a page the writer has reused from a damaged one.
 *
 * <p>Why a reused page is always noticed: the writer writes a page only into space no revision it
 * can still read uses, and a page freed by its commit {@code R} only from commit {@code R + 1} on;
 * pages of the revision opened here become free at the earliest with the writer's next commit, so
 * by the time one is overwritten a newer meta page exists, and the overwritten page carries its new
 * creating revision, which no pointer of the revision opened here expects
 * ({@link PageFile#readChecked}). The one page that may be written before its revision's meta page
 * is a pending page (superseded, held only by a reader of the writer's) that a snapshot close
 * released; a read of it may see a half-written page: that read is retried while the meta page
 * stays the same, within a small budget of waiting per open file.
 *
 * <p>Thread-safe.
 */
final class ConcurrentWriter {
    /** Waiting for a page being written to settle, in all, per open file. */
    private static final long SETTLE_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long SETTLE_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** Pages of the largest extent believed from a header that may be torn (256 MiB of 4 KiB pages). */
    private static final int MAX_SPAN = 1 << 16;

    private final long revision;
    private final AtomicLong settleBudget = new AtomicLong(SETTLE_BUDGET_NANOS);

    /** @param revision the newest revision when the file was opened read-only */
    ConcurrentWriter(long revision) {
        this.revision = revision;
    }

    /**
     * The page at {@code number} after {@code failure} on its first read: read again if it was only
     * being written.
     *
     * @throws RevisionOverwrittenException if the writer has moved on and reused the page
     * @throws CorruptPageException         if the page is damaged
     */
    Page reread(PageFile file, long number, int span, PageType type, long expectedCreated,
            CorruptPageException failure) {
        CorruptPageException last = failure;
        while (true) {
            long newest = newestRevision(file);
            if (newest > revision || carriesNewerRevision(file, number)) {
                throw new RevisionOverwrittenException(file.path(), revision, Math.max(newest, revision + 1), last);
            }
            try {
                return file.readChecked(number, span, type, expectedCreated);
            } catch (CorruptPageException again) {
                last = again;
            }
            if (settleBudget.addAndGet(-SETTLE_STEP_NANOS) < 0) {
                throw last; // the same revision all along, and the page stays bad: damage
            }
            LockSupport.parkNanos(SETTLE_STEP_NANOS);
        }
    }

    /** The revision of the newest intact meta page now, or this one's if it cannot be read. */
    private long newestRevision(PageFile file) {
        try {
            return MetaPage.readCandidates(file, file.pageSize()).get(0).meta().revision();
        } catch (RuntimeException unreadable) {
            return revision;
        }
    }

    /** Whether the extent at {@code number} is whole and was written by a commit after the revision opened here. */
    private boolean carriesNewerRevision(PageFile file, long number) {
        int pageSize = file.pageSize();
        ByteBuffer first = file.readRaw(number * pageSize, pageSize);
        if (first.remaining() < pageSize) {
            return false;
        }
        int span = Page.wrap(first).span();
        if (span < 1 || span > MAX_SPAN) {
            return false; // a torn header: nothing to tell from it
        }
        ByteBuffer bytes = span == 1 ? first : file.readRaw(number * pageSize, Math.multiplyExact(pageSize, span));
        if (bytes.remaining() < bytes.capacity()) {
            return false;
        }
        Page page = Page.wrap(bytes);
        return page.checksumHolds() && page.created() > revision;
    }
}
