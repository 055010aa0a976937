package org.jodb.storage.file;

/** What one recorded operation on the simulated disk did. */
enum IoKind {
    /** Bytes written at an offset: in the page cache, durable only after the next {@link #FORCE}. */
    WRITE,
    /** The file cut to a length: like a write, durable only after the next {@link #FORCE}. */
    TRUNCATE,
    /** A returned data sync: every earlier write and truncate is on the disk. */
    FORCE,
    /**
     * The new file got the storage file's name (a link or rename in the directory): the name is
     * durable only after the next {@link #FORCE_DIRECTORY}; until then a cut may leave no file.
     */
    PUBLISH,
    /** A returned directory sync: an earlier {@link #PUBLISH} is on the disk (file data is not). */
    FORCE_DIRECTORY
}
