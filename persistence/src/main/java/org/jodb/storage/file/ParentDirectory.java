package org.jodb.storage.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import org.jodb.JodbException;

/**
 * Makes a new file's directory entry durable. Syncing a file's data does not sync the directory
 * that names it: after a power cut a new storage file could be missing, or empty, although its
 * first meta pages were forced. So the creation forces the directory too.
 */
final class ParentDirectory {
    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");
    /** Calls of {@link #force} since the JVM started; lets a test see that creation calls it. */
    private static final AtomicLong CALLS = new AtomicLong();

    private ParentDirectory() {
    }

    /** Forces the directory holding {@code file} (symbolic links resolved) to the disk. */
    static void force(Path file) {
        CALLS.incrementAndGet();
        if (WINDOWS) {
            // Windows cannot open a directory as a FileChannel (access denied): there is nothing
            // to call, so creation relies on the file system there.
            return;
        }
        Path directory = null;
        try {
            directory = file.toRealPath().getParent();
            try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
                channel.force(true);
            }
        } catch (IOException e) {
            throw new JodbException(file + ": cannot sync its directory " + (directory == null ? "" : directory)
                    + " after creating it, so the new file might not survive a power cut: " + e, e);
        }
    }

    /** How many times {@link #force} was called in this JVM. */
    static long forceCalls() {
        return CALLS.get();
    }
}
