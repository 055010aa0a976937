package org.jodb.storage.file;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The operations {@link PageFile} performs on its file, and creation on a new one
 * ({@link NewStorageFile#channel}): positional reads and writes, a data sync, truncate and size. The one seam below the page file: {@link FileChannelPages} runs them on the
 * real file; the power-cut tests of this package supply an in-memory one that records every write,
 * truncate and sync, so they can build the disk images a power cut could leave.
 *
 * <p>A closed channel throws {@link java.nio.channels.ClosedChannelException}, as a
 * {@link java.nio.channels.FileChannel} does.
 */
interface PageChannel {
    /** Reads into {@code target} from {@code position}; -1 at the end of the file. */
    int read(ByteBuffer target, long position) throws IOException;

    /** Writes (part of) {@code source} at {@code position}; returns the bytes written. */
    int write(ByteBuffer source, long position) throws IOException;

    /** Makes every write so far durable, with the file length but not other metadata (fdatasync). */
    void force() throws IOException;

    /**
     * Makes the file's directory entry durable: when an existing empty file is initialized in place,
     * its entry may be as new as the file (a new file jodb creates has its directory forced by
     * {@link NewStorageFile#forceDirectory}). The in-memory channels of the tests do nothing.
     */
    void forceDirectory() throws IOException;

    /** Cuts the file to {@code size} bytes. */
    void truncate(long size) throws IOException;

    long size() throws IOException;

    void close() throws IOException;
}
