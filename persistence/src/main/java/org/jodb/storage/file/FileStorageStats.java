package org.jodb.storage.file;

import org.jodb.storage.StorageStats;

/**
 * What a {@link FileStorage} file holds, taken at one instant between commits. Every page below
 * {@code pageCount} is exactly one of in use, free or pending ({@link FileStorage#verify()} checks
 * this by walking the file).
 *
 * @param lastRevision    the newest committed revision
 * @param pageSize        bytes per page
 * @param pageCount       pages up to the high-water mark
 * @param pagesInUse      pages of the newest revision: meta pages, tree, overflow, bookkeeping,
 *                        catalog
 * @param freePages       pages any later commit may reuse
 * @param pendingPages    superseded pages still visible to a pinned or retained revision
 * @param pinnedRevisions distinct revisions pinned by open snapshots
 * @param openSnapshots   open snapshots (several may pin one revision)
 * @param fileSize        the file's length in bytes (may exceed pageCount pages after a crash)
 * @param bytesWritten    bytes of pages this storage has written since it was opened (commits,
 *                        garbage collection, compaction): the difference between two snapshots
 *                        is what the work between them cost the disk
 * @param forces          data syncs ({@code fdatasync}) since it was opened
 * @param treePages       pages of the newest revision's object tree (leaves and branches; part of
 *                        {@code pagesInUse})
 * @param treeFill        bytes of the tree's entries over the bytes of its pages, from 0 to 1 (1 for
 *                        an empty tree): removals lower it, {@link FileStorage#compact()} raises it
 *                        to nearly 1
 */
public record FileStorageStats(long lastRevision, int pageSize, long pageCount, long pagesInUse,
        long freePages, long pendingPages, int pinnedRevisions, int openSnapshots, long fileSize,
        long bytesWritten, long forces, long treePages, double treeFill) implements StorageStats {

    /**
     * Bytes inside the file that hold nothing a reader needs: free pages, reusable by any commit,
     * and the unused part of the tree's pages, which compaction gives back. A file whose
     * {@code reclaimableBytes} is a large share of {@code fileSize} is worth compacting.
     */
    public long reclaimableBytes() {
        return freePages * pageSize + Math.round(treePages * (double) pageSize * (1 - treeFill));
    }
}
