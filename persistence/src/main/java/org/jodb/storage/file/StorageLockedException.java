package org.jodb.storage.file;

import org.jodb.JodbException;

/**
 * The storage file is open elsewhere: another process, or another {@link FileStorage} in this JVM,
 * holds its lock (a storage file has one owner at a time). Nothing was read or written.
 */
public class StorageLockedException extends JodbException {
    public StorageLockedException(String message) {
        super(message);
    }

    public StorageLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
