package org.jodb.storage.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jodb.JodbException;

/**
 * The storage file as an array of fixed-size pages, read and written with positional I/O.
 *
 * <p>Holds an exclusive {@link FileLock} for as long as it is open, so a second opener (another
 * process, or another {@code FileStorage} in this JVM) is refused with a message naming the file.
 *
 * <p>Thread-safe: positional reads and writes on a {@link FileChannel} may run concurrently. Every
 * read is checked ({@link #read}), so corrupt bytes surface as a {@link CorruptPageException}
 * naming the page, never as data.
 */
final class PageFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private volatile int pageSize;

    private PageFile(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** Opens (creating if absent) and locks {@code path}; nothing is read or written yet. */
    static PageFile openLocked(Path path) {
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new JodbException(path + ": cannot open storage file: " + e, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new JodbException(path + ": cannot lock storage file: " + e, e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new JodbException(path + " is already open (locked by another FileStorage in this"
                    + " or another process); a storage file has one owner at a time");
        }
        return new PageFile(path, channel, lock);
    }

    Path path() {
        return path;
    }

    int pageSize() {
        return pageSize;
    }

    /** Set once, when the meta page (or the options for a new file) has fixed the page size. */
    void pageSize(int size) {
        this.pageSize = size;
    }

    long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            throw failure("cannot read the file size", e);
        }
    }

    /** Reads {@code length} raw bytes at {@code offset}; short if the file ends first. */
    ByteBuffer readRaw(long offset, int length) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw failure("cannot read at offset " + offset, e);
        }
        return buffer.flip();
    }

    /**
     * Reads the extent of {@code span} pages at {@code number} with one positional read and checks
     * it: checksum, own page number, span, type (unless null: the caller checks it) and (unless
     * negative) the creating revision that the pointer to it expects.
     */
    Page read(long number, int span, PageType type, long expectedCreated) {
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
        ByteBuffer bytes = page.bytes();
        long offset = page.number() * pageSize;
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes, offset + bytes.position());
            }
        } catch (IOException e) {
            throw failure("cannot write page " + page.number(), e);
        }
    }

    /** Makes every write so far durable; fdatasync also covers a grown file length, which reads need. */
    void force() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw failure("cannot sync", e);
        }
    }

    private UncheckedIOException failure(String what, IOException e) {
        return new UncheckedIOException(path + ": " + what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // closing the channel releases the lock anyway
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing useful to do: the file was only read or is being abandoned
        }
    }
}
