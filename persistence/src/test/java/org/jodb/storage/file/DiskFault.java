package org.jodb.storage.file;

/**
 * A broken storage the power-cut self-test simulates, to show the checker catches it; the recorded
 * workload runs unchanged, only the log of what reached the disk changes.
 */
enum DiskFault {
    /** A correct disk. */
    NONE,
    /** Syncs do nothing: no write is ever known to be durable. */
    IGNORE_FORCE,
    /**
     * Each meta page is written before the data pages of its commit (logged right after the sync
     * that ended the previous commit), as a storage that forgot its order would.
     */
    META_BEFORE_DATA,
    /** Directory syncs do nothing: a new file's name is never known to be durable. */
    IGNORE_DIRECTORY_FORCE
}
