package org.jodb.storage.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;

/**
 * A {@link PageChannel} over a {@link MemoryFile}: how the power-cut checker opens a disk image
 * without touching the disk. {@link RecordingDisk}'s channel extends it to log what it does.
 */
class MemoryPageChannel implements PageChannel {
    private final MemoryFile file;
    private volatile boolean closed;

    MemoryPageChannel(MemoryFile file) {
        this.file = file;
    }

    @Override
    public int read(ByteBuffer target, long position) throws IOException {
        ensureOpen();
        synchronized (file) {
            return file.read(target, position);
        }
    }

    @Override
    public int write(ByteBuffer source, long position) throws IOException {
        ensureOpen();
        int count = source.remaining();
        byte[] data = new byte[count];
        source.get(data);
        synchronized (file) {
            file.write(position, data, 0, count);
            written(position, data);
        }
        return count;
    }

    @Override
    public void force() throws IOException {
        ensureOpen();
        synchronized (file) {
            forced();
        }
    }

    @Override
    public void forceDirectory() {
        // an in-memory file has no directory entry: images are the file's contents alone
    }

    @Override
    public void truncate(long size) throws IOException {
        ensureOpen();
        synchronized (file) {
            if (size < file.length()) {
                file.resize(size);
                truncated(size);
            }
        }
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        synchronized (file) {
            return file.length();
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Called after a write, holding the file's monitor; a recording channel logs it. */
    void written(long position, byte[] data) {
    }

    /** Called on a force, holding the file's monitor. */
    void forced() {
    }

    /** Called after a truncate that cut the file, holding the file's monitor. */
    void truncated(long size) {
    }

    private void ensureOpen() throws ClosedChannelException {
        if (closed) {
            throw new ClosedChannelException();
        }
    }
}
