package org.jodb.bigfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A temporary file holding the changed blocks a handle could not keep in memory, one block per
 * slot, as ZODB's savepoints spill changed objects to a temporary file. Created at the first
 * spill, deleted by {@link #delete()} (the handle calls it when the transaction commits or aborts,
 * and the connection's close aborts). It is opened delete-on-close: on Linux it leaves its
 * directory at once and its space returns when it is closed or the process ends, however it ends.
 * Not thread-safe: one per handle.
 */
final class SpillArea {
    private final int blockSize;
    private Path directory;
    private Path path;
    private FileChannel channel;
    private int slotCount;
    /** Slots of blocks taken back or forgotten, reused before the file grows. */
    private final Deque<Integer> freeSlots = new ArrayDeque<>();

    SpillArea(int blockSize, Path directory) {
        this.blockSize = blockSize;
        this.directory = directory;
    }

    /** Where the next spill file is created (the one in use, if any, stays where it is). */
    void setDirectory(Path directory) {
        this.directory = directory;
    }

    /** The file in use, or null when nothing is spilled. */
    Path path() {
        return path;
    }

    /** Writes a block's bytes into a free slot; returns the slot. */
    int write(byte[] bytes) {
        open();
        Integer free = freeSlots.poll();
        int slot = free != null ? free : slotCount++;
        ByteBuffer src = ByteBuffer.wrap(bytes);
        long at = (long) slot * blockSize;
        try {
            while (src.hasRemaining()) {
                channel.write(src, at + src.position());
            }
        } catch (IOException e) {
            freeSlots.push(slot);
            throw new UncheckedIOException("cannot spill a changed block to " + path + ": " + e.getMessage(), e);
        }
        return slot;
    }

    /** Reads the block in {@code slot} into {@code bytes} (one block long); the slot stays taken. */
    void read(int slot, byte[] bytes) {
        ByteBuffer dst = ByteBuffer.wrap(bytes);
        long at = (long) slot * blockSize;
        try {
            while (dst.hasRemaining()) {
                if (channel.read(dst, at + dst.position()) < 0) {
                    throw new IOException("the file ends at " + channel.size() + " bytes, inside slot " + slot);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a spilled block back from " + path + ": " + e.getMessage(), e);
        }
    }

    /** Gives a slot back: its block was taken back into memory or forgotten. */
    void free(int slot) {
        freeSlots.push(slot);
    }

    /** Closes and deletes the file, if there is one; the next spill creates a new one. */
    void delete() {
        if (channel == null) {
            return;
        }
        Path deleted = path;
        try {
            channel.close();
            Files.deleteIfExists(deleted); // already gone where delete-on-close worked
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the spill file " + deleted + ": " + e.getMessage(), e);
        } finally {
            channel = null;
            path = null;
            slotCount = 0;
            freeSlots.clear();
        }
    }

    private void open() {
        if (channel != null) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Path created = Files.createTempFile(directory, "jodb-bigfile-", ".spill");
            channel = FileChannel.open(created, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            path = created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spill file in " + directory + ": " + e.getMessage(), e);
        }
    }
}
