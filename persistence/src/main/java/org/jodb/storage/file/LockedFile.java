package org.jodb.storage.file;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;

/**
 * A storage file opened and locked by {@link OpenStorageFiles#openAndLock}.
 *
 * @param channel the open channel
 * @param lock    the exclusive lock on the whole file, held through {@code channel}; null for a
 *                read-only open ({@link OpenStorageFiles#openUnlocked})
 * @param key     what identifies the file in {@link OpenStorageFiles}; give it back to
 *                {@link OpenStorageFiles#release} once {@code channel} is closed
 */
record LockedFile(FileChannel channel, FileLock lock, Object key) {
}
