package org.jodb.storage.file;

import java.io.IOException;

/**
 * A storage file being created ({@link StorageDirectory#createNew}): written under a name of its
 * own, then published under the storage file's name in one step, so the name never shows a file
 * that is not yet a valid storage. Used by one thread.
 */
interface NewStorageFile {
    /** The new file's content, to write and force before {@link #publish}. */
    PageChannel channel();

    /**
     * Gives the file the storage file's name, unless a file has that name already: another creator
     * won, and its file stays. Never replaces a file.
     *
     * @return whether this file now has the name
     */
    boolean publish() throws IOException;

    /** Makes the name durable: until then a power cut may leave the directory without it. */
    void forceDirectory() throws IOException;

    /**
     * Closes the channel and drops the file's own name: the file itself is gone unless it was
     * published. Never fails: a name left behind is harmless and removed by a later open.
     */
    void discard();
}
