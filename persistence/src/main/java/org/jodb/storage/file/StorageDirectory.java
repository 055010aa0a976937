package org.jodb.storage.file;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The name a storage file lives under, as opening and creating it see it: the file under the name,
 * or a new file beside it that creation fills and then publishes under the name
 * ({@link NewStorageFile}). {@link FileSystemDirectory} is the real directory; the power-cut tests
 * of this package supply one that records creation too, so a cut can fall inside it.
 */
interface StorageDirectory {
    /** The storage file's path, for messages. */
    Path path();

    /**
     * The file under the name, opened and locked for a new owner, or null if there is none.
     *
     * @throws org.jodb.JodbException naming the file if it exists but is open elsewhere or cannot
     *                                be opened
     */
    PageFile openExisting();

    /** A new, empty file beside the name that nothing else can see under the name yet. */
    NewStorageFile createNew() throws IOException;
}
