package org.jodb.storage.file;

/**
 * A revision whose pages are written (not yet synced), waiting in the {@link GroupCommit} for its
 * meta page and sync.
 *
 * @param head      its head
 * @param meta      its meta page, without the {@link CommitCheck} the group fills in
 * @param pages     the first page of each extent it wrote
 * @param hashes    {@link CommitCheck#hash} of each of those extents, in the same order
 * @param dropped   the first page of each extent it superseded or freed (some written by revisions
 *                  still waiting: no longer part of the newest revision)
 * @param shrinking whether its page count is below the one before: its meta page must be synced
 *                  even without {@link FileStorageOptions#sync}, so the file can be cut
 */
record WrittenRevision(Head head, MetaPage meta, long[] pages, long[] hashes, long[] dropped, boolean shrinking) {
    long revision() {
        return head.revision();
    }
}
