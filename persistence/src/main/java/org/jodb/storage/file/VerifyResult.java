package org.jodb.storage.file;

/**
 * The outcome of a successful {@link FileStorage#verify()}: every page's checksum held and each
 * page below {@code pageCount} was exactly one of live, pending or free.
 *
 * @param revision     the revision walked
 * @param records      records in the revision's object tree
 * @param livePages    pages reachable from the revision's meta page (including both meta pages)
 * @param pendingPages superseded pages held for pinned or retained revisions
 * @param freePages    free pages
 * @param pageCount    pages up to the high-water mark
 */
public record VerifyResult(long revision, long records, long livePages, long pendingPages,
        long freePages, long pageCount) {
}
