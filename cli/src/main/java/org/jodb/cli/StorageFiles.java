package org.jodb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;
import org.jodb.storage.file.StorageLockedException;

/**
 * Opens the storage file a command names, refusing what {@link FileStorage#open} would otherwise
 * create or initialize (a missing or empty file), and naming who holds the lock of a locked one;
 * a command that only reads reads a locked file read-only instead.
 */
final class StorageFiles {
    private StorageFiles() {
    }

    /**
     * The options the command opens files with to read: every revision the file retains stays
     * retained, nothing is compacted on open, commits are synced.
     */
    static FileStorageOptions options() {
        return FileStorageOptions.defaults().keepRevisions(Integer.MAX_VALUE);
    }

    /**
     * Opens the existing storage file at {@code path} for a command that commits (gc, compact); never
     * creates one. It retains as many revisions as the file retained: its own commits then push the
     * oldest ones out, as the application's would, instead of piling up (with every revision kept,
     * a batched gc could reuse no page its earlier batches freed, and a compact after it could not
     * shrink the file).
     */
    static FileStorage open(Path path) {
        requireFile(path);
        try {
            int retained;
            try (FileStorage probe = FileStorage.open(path, options())) {
                retained = probe.retainedRevisions().size();
            }
            return FileStorage.open(path, options().keepRevisions(retained));
        } catch (StorageLockedException e) {
            throw locked(path, e);
        }
    }

    /**
     * Opens the existing storage file at {@code path} for a command that only reads: with its lock if
     * it is free, else read-only beside the process that holds it ({@link FileStorage#openReadOnly}:
     * the newest durable revision), saying so on {@code err} after {@code prefix}.
     */
    static FileStorage openForReading(Path path, PrintWriter err, String prefix) {
        requireFile(path);
        try {
            return FileStorage.open(path, options());
        } catch (StorageLockedException held) {
            String holder = LockHolder.describe(path);
            FileStorage storage;
            try {
                storage = FileStorage.openReadOnly(path, options());
            } catch (StorageLockedException here) {
                throw locked(path, here); // this JVM has it open: a second descriptor could drop its lock
            }
            err.printf("%s%s is open in %s: reading its newest durable revision, %d, read-only%n", prefix, path,
                    holder == null ? "another process" : holder, storage.lastRevision());
            err.flush();
            return storage;
        }
    }

    /** Fails unless {@code path} is a non-empty regular file. */
    static void requireFile(Path path) {
        if (!Files.exists(path)) {
            throw new CommandFailure(ExitCode.NO_FILE, path + ": no such file");
        }
        try {
            if (!Files.isRegularFile(path) || Files.size(path) == 0) {
                throw new CommandFailure(ExitCode.NOT_JODB, path + " is not a jodb storage file ("
                        + (Files.isRegularFile(path) ? "it is empty" : "not a regular file") + ")");
            }
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.FAILED, path + ": cannot read it: " + e.getMessage(), e);
        }
    }

    private static CommandFailure locked(Path path, StorageLockedException e) {
        String holder = LockHolder.describe(path);
        return new CommandFailure(ExitCode.LOCKED, path + " is locked by "
                + (holder == null ? "another process" : holder)
                + ": a program has it open, and a storage file has one owner at a time; close it and retry", e);
    }
}
