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
     * Each meta page is logged before the sync that ended the previous commit, so it is synced before
     * the data pages of its commit, as a storage that forgot its order would. (A meta page merely
     * written before its data, with one sync after both, is the correct protocol: the open checks
     * the pages, see {@code CommitCheck}.)
     */
    META_BEFORE_DATA,
    /** Directory syncs do nothing: a new file's name is never known to be durable. */
    IGNORE_DIRECTORY_FORCE
}
