package org.jodb.storage.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jodb.JodbException;

/**
 * The storage files this JVM has open, so that a second open of one is refused <i>before</i> it
 * opens a descriptor of its own.
 *
 * <p>Why not just try the lock: on POSIX systems a process's file locks belong to the process, and
 * closing <i>any</i> of its descriptors of a file drops all of them. A refused opener that opened a
 * channel, failed to lock it and closed it again would silently unlock the owner's file, and another
 * process could then open and write it under the owner. So a second open in this JVM is refused
 * from this registry, and a descriptor of a file this JVM may hold a lock on is never closed.
 *
 * <p>A file is identified by its file key (device and inode on Unix), so a hard link, a symbolic
 * link or another spelling of the path is the same file; where the platform has no file key, by its
 * real path. Thread-safe: checking and registering happen under one lock.
 */
final class OpenStorageFiles {
    /** The key of every file a {@link PageFile} of this JVM has open, with the path it was opened by. */
    private static final Map<Object, Path> OPEN = new HashMap<>(); // guarded by the class
    /**
     * Descriptors opened for a refused open that must stay open: closing one would drop a lock this
     * process holds on the same file. Kept referenced until the JVM exits, since a collected channel
     * is closed by its cleaner. Only reached if the file changed under its path during the open, or
     * if code outside jodb in this JVM locks the file.
     */
    private static final List<FileChannel> KEPT_OPEN = new ArrayList<>(); // guarded by the class

    private OpenStorageFiles() {
    }

    /**
     * Opens the existing file at {@code path} and exclusively locks it for a new owner in this JVM;
     * null if there is no file (creating one is {@link FileStorage}'s job: it must appear whole).
     *
     * @throws JodbException naming the file if this JVM or another process has it open, or it
     *                       cannot be opened or locked
     */
    static synchronized LockedFile openAndLock(Path path) {
        if (Files.exists(path)) {
            refuseIfOpenHere(path, keyOf(path));
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new JodbException(path + ": cannot open storage file: " + e, e);
        }
        Object key;
        try {
            key = keyOf(path);
        } catch (JodbException e) {
            closeQuietly(channel); // unknown which file this is: it vanished from its path just now
            throw e;
        }
        if (OPEN.containsKey(key)) {
            KEPT_OPEN.add(channel); // the path now names a file opened here, renamed there since the check
            refuseIfOpenHere(path, key);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            KEPT_OPEN.add(channel);
            throw new StorageLockedException(path + " is already open: code outside jodb in this JVM holds a lock"
                    + " on it; a storage file has one owner at a time", e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new JodbException(path + ": cannot lock storage file: " + e, e);
        }
        if (lock == null) {
            // Safe to close: no lock of this process is on the file, or tryLock would have overlapped.
            closeQuietly(channel);
            throw new StorageLockedException(path + " is already open in another process (it holds the file"
                    + " lock); a storage file has one owner at a time");
        }
        OPEN.put(key, path);
        return new LockedFile(channel, lock, key);
    }

    /**
     * Opens the existing file at {@code path} for reading only, without its lock (a writer in
     * another process may hold it), registered like a locked open: this JVM's later open of the file
     * is refused while it lasts, since closing this descriptor would drop a lock this process took
     * on the file through another one. Null if there is no file.
     *
     * @throws JodbException naming the file if this JVM has it open, or it cannot be opened
     */
    static synchronized LockedFile openUnlocked(Path path) {
        if (Files.exists(path)) {
            refuseIfOpenHere(path, keyOf(path));
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new JodbException(path + ": cannot open storage file for reading: " + e, e);
        }
        Object key;
        try {
            key = keyOf(path);
        } catch (JodbException e) {
            closeQuietly(channel);
            throw e;
        }
        if (OPEN.containsKey(key)) {
            KEPT_OPEN.add(channel); // renamed here since the check: this process may hold its lock
            refuseIfOpenHere(path, key);
        }
        OPEN.put(key, path);
        return new LockedFile(channel, null, key);
    }

    /** Forgets the file of {@code key}; call after its channel is closed and its lock released. */
    static synchronized void release(Object key) {
        OPEN.remove(key);
    }

    private static void refuseIfOpenHere(Path path, Object key) {
        Path owner = OPEN.get(key);
        if (owner != null) {
            throw new StorageLockedException(path + " is already open in this JVM"
                    + (owner.equals(path) ? "" : " (as " + owner + ")")
                    + ", by another FileStorage; a storage file has one owner at a time");
        }
    }

    private static Object keyOf(Path path) {
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            return key != null ? key : path.toRealPath();
        } catch (IOException e) {
            throw new JodbException(path + ": cannot identify storage file: " + e, e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing useful to do: the open is refused anyway
        }
    }
}
