package org.jodb.storage.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.jodb.JodbException;

/**
 * The storage file as an array of fixed-size pages, read and written with positional I/O.
 *
 * <p>Holds an exclusive {@link FileLock} for as long as it is open, so a second opener (another
 * process, or another {@code FileStorage} in this JVM) is refused with a message naming the file.
 * A file opened read-only beside another process's writer ({@link #openUnlocked}) holds no lock;
 * its pages that fail their checks are judged by a {@link ConcurrentWriter}.
 *
 * <p><b>Interrupts.</b> A thread interrupted during an operation on a {@link FileChannel} closes
 * the channel for every thread, and closing it drops the process's file lock. One reader being
 * interrupted must not break the storage for all others, so every operation goes through
 * {@link #io}: on a closed channel (the interrupted thread's {@code ClosedByInterruptException},
 * or another thread's {@code AsynchronousCloseException}) it reopens the channel, re-acquires the
 * lock and retries with the interrupt status set aside, then restores it for the caller to see.
 * Positional reads and writes are idempotent, so a retry is safe. Between the close and the
 * re-lock another process could take the lock; then the file is refused from then on
 * ({@link JodbException}) rather than shared.
 *
 * <p>Every operation on the file goes through a {@link PageChannel}, the real file by default;
 * tests in this package can supply a recording one ({@link #overChannel}).
 *
 * <p>Thread-safe: positional reads and writes on a {@link FileChannel} may run concurrently. Every
 * read is checked ({@link #read}), so corrupt bytes surface as a {@link CorruptPageException}
 * naming the page, never as data.
 */
final class PageFile implements AutoCloseable {
    /**
     * Retries of one operation. Every close lets some interrupted thread through, so retries only
     * run out if threads are interrupted without pause; then the operation fails instead of looping.
     */
    private static final int MAX_REOPENS = 10_000;

    private final Path path;
    /** The file's entry in {@link OpenStorageFiles}; null for a channel that is not a real file. */
    private final Object key;
    private volatile PageChannel channel;
    private FileLock lock; // guarded by this; null for a channel that is not a real file
    private volatile String broken;
    private volatile boolean closed;
    private volatile int pageSize;
    /** Opened for reading only, without the lock ({@link #openUnlocked}). */
    private final boolean readOnly;
    /** Set for a read-only file that a writer may be changing: judges pages that fail their checks. */
    private volatile ConcurrentWriter writer;
    /** Bytes handed to {@link #write} and calls of {@link #force} since open: what commits cost the disk. */
    private final LongAdder bytesWritten = new LongAdder();
    private final LongAdder forces = new LongAdder();

    private PageFile(Path path, PageChannel channel, FileLock lock, Object key, boolean readOnly) {
        this.path = path;
        this.readOnly = readOnly;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** One operation on the channel, retried by {@link #io} on a channel closed under it. */
    @FunctionalInterface
    private interface ChannelOperation<T> {
        T run(PageChannel channel) throws IOException;
    }

    /** {@code what} names the operation in a failure; built only then, as reads are hot. */
    private <T> T io(Supplier<String> what, ChannelOperation<T> operation) {
        boolean interrupted = false;
        try {
            for (int attempt = 0; ; attempt++) {
                if (broken != null) {
                    throw new JodbException(path + ": " + broken);
                }
                PageChannel current = channel;
                try {
                    return operation.run(current);
                } catch (ClosedChannelException e) {
                    if (closed) {
                        throw new IllegalStateException(path + ": storage file is closed");
                    }
                    if (attempt == MAX_REOPENS) {
                        throw failure(what.get() + " (the channel kept being closed by interrupts)", e);
                    }
                    // Retry uninterrupted: a set interrupt status would close the new channel at once.
                    interrupted |= Thread.interrupted();
                    reopen(current);
                } catch (IOException e) {
                    throw failure(what.get(), e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Replaces {@code failed} by a fresh, locked channel, unless another thread already has. */
    private synchronized void reopen(PageChannel failed) {
        if (channel != failed || closed || (lock == null && !readOnly)) {
            return;
        }
        FileChannel fresh;
        try {
            fresh = readOnly ? FileChannel.open(path, StandardOpenOption.READ)
                    : FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            broken = "cannot reopen the storage file after an interrupt closed it: " + e;
            throw new JodbException(path + ": " + broken, e);
        }
        if (readOnly) {
            channel = new FileChannelPages(path, fresh); // no lock to take back: another process owns it
            return;
        }
        FileLock relocked = relock(fresh);
        if (relocked == null) {
            closeQuietly(fresh);
            broken = "lost the file lock when an interrupt closed the channel, and another owner"
                    + " has taken it; this storage stops using the file";
            throw new JodbException(path + ": " + broken);
        }
        lock = relocked;
        channel = new FileChannelPages(path, fresh);
    }

    /**
     * Locks {@code fresh} once the old lock is gone. Another thread may still be inside the old
     * channel's close, whose lock stays registered in this JVM until the close completes, so an
     * overlap is waited out briefly; null if the lock stays taken (by another owner).
     */
    private FileLock relock(FileChannel fresh) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (true) {
            try {
                if (!lock.isValid()) {
                    FileLock taken = fresh.tryLock();
                    if (taken != null) {
                        return taken;
                    }
                }
            } catch (OverlappingFileLockException e) {
                // the old channel's close has not released its lock yet
            } catch (IOException e) {
                return null;
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /**
     * Opens and locks the existing file at {@code path}, or returns null if there is none; nothing
     * is read or written yet. A file this JVM already has open is refused without opening a second
     * descriptor ({@link OpenStorageFiles}).
     */
    static PageFile openLocked(Path path) {
        LockedFile opened = OpenStorageFiles.openAndLock(path);
        if (opened == null) {
            return null;
        }
        return new PageFile(path, new FileChannelPages(path, opened.channel()), opened.lock(), opened.key(), false);
    }

    /**
     * Opens the existing file at {@code path} for reading only and without its lock, or returns
     * null if there is none: for reading beside a writer in another process
     * ({@link FileStorage#openReadOnly}). Writes fail.
     */
    static PageFile openUnlocked(Path path) {
        LockedFile opened = OpenStorageFiles.openUnlocked(path);
        if (opened == null) {
            return null;
        }
        return new PageFile(path, new FileChannelPages(path, opened.channel()), null, opened.key(), true);
    }

    /** From now on, pages that fail their checks are judged by {@code writer} ({@link #read}). */
    void sharedWith(ConcurrentWriter writer) {
        this.writer = writer;
    }

    /**
     * A page file over {@code channel} instead of the real file at {@code path} (which only names it
     * in messages), without a lock: for the power-cut tests, which record every operation.
     */
    static PageFile overChannel(Path path, PageChannel channel) {
        return new PageFile(path, channel, null, null, false);
    }

    Path path() {
        return path;
    }

    int pageSize() {
        return pageSize;
    }

    /** Whether this file was opened for reading only ({@link #openUnlocked}). */
    boolean readOnly() {
        return readOnly;
    }

    /** Set once, when the meta page (or the options for a new file) has fixed the page size. */
    void pageSize(int size) {
        this.pageSize = size;
    }

    long size() {
        return io(() -> "cannot read the file size", PageChannel::size);
    }

    /** Reads {@code length} raw bytes at {@code offset}; short if the file ends first. */
    ByteBuffer readRaw(long offset, int length) {
        return io(() -> "cannot read at offset " + offset, channel -> {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    break;
                }
            }
            return buffer.flip();
        });
    }

    /**
     * Reads the extent of {@code span} pages at {@code number} with one positional read and checks
     * it: checksum, own page number, span, type (unless null: the caller checks it) and (unless
     * negative) the creating revision that the pointer to it expects.
     */
    Page read(long number, int span, PageType type, long expectedCreated) {
        try {
            return readChecked(number, span, type, expectedCreated);
        } catch (CorruptPageException e) {
            ConcurrentWriter shared = writer;
            if (shared == null) {
                throw e;
            }
            return shared.reread(this, number, span, type, expectedCreated, e);
        }
    }

    /** {@link #read} without the judgement of a concurrent writer. */
    Page readChecked(long number, int span, PageType type, long expectedCreated) {
        long offset = number * pageSize;
        ByteBuffer bytes = readRaw(offset, Math.multiplyExact(pageSize, span));
        if (bytes.remaining() < bytes.capacity()) {
            throw new CorruptPageException(path, number, "the file ends inside it (file size "
                    + size() + " bytes)");
        }
        Page page = Page.wrap(bytes);
        if (!page.checksumHolds()) {
            throw new CorruptPageException(path, number, "checksum mismatch");
        }
        if (page.number() != number) {
            throw new CorruptPageException(path, number, "it carries page number " + page.number()
                    + " (a misdirected write)");
        }
        if ((type != null && page.type() != type) || page.span() != span) {
            throw new CorruptPageException(path, number, "expected a " + (type == null ? "tree page" : type)
                    + " of " + span
                    + " page(s), found type code " + page.typeCode() + " of " + page.span());
        }
        if (expectedCreated >= 0 && page.created() != expectedCreated) {
            throw new CorruptPageException(path, number, "expected the version created at revision "
                    + expectedCreated + ", found one created at " + page.created());
        }
        return page;
    }

    /** Writes a sealed page or extent at its own page number. */
    void write(Page page) {
        long offset = page.number() * pageSize;
        io(() -> "cannot write page " + page.number(), channel -> {
            ByteBuffer bytes = page.bytes(); // a fresh view per attempt: a retry writes it whole
            while (bytes.hasRemaining()) {
                channel.write(bytes, offset + bytes.position());
            }
            return null;
        });
        bytesWritten.add(page.bytes().remaining());
    }

    /** Makes every write so far durable; fdatasync also covers a grown file length, which reads need. */
    void force() {
        io(() -> "cannot sync", channel -> {
            channel.force();
            return null;
        });
        forces.increment();
    }

    /** Bytes of pages written since this file was opened (each page or extent counted once, retries not). */
    long bytesWritten() {
        return bytesWritten.sum();
    }

    /** Data syncs since this file was opened. */
    long forces() {
        return forces.sum();
    }

    /** Makes the file's directory entry durable: a new file's name must survive a power cut too. */
    void forceDirectory() {
        io(() -> "cannot sync the directory", channel -> {
            channel.forceDirectory();
            return null;
        });
    }

    /**
     * Cuts the file to {@code pages} pages. Only for pages that no revision, pinned or durable,
     * can reach: the caller has made a meta page with the smaller page count durable first.
     */
    void truncate(long pages) {
        io(() -> "cannot truncate to " + pages + " pages", channel -> {
            channel.truncate(pages * pageSize);
            return null;
        });
    }

    private UncheckedIOException failure(String what, IOException e) {
        return new UncheckedIOException(path + ": " + what + ": " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return; // released already: a new owner may have registered the file since
        }
        closed = true;
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // closing the channel releases the lock anyway
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing useful to do: the file is being abandoned
        }
        if (key != null) {
            OpenStorageFiles.release(key); // only now: until the channel is closed, it holds the lock
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing useful to do: the file was only read or is being abandoned
        }
    }
}
