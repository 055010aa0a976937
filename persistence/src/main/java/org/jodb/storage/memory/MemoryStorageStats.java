package org.jodb.storage.memory;

import org.jodb.storage.StorageStats;

/**
 * A consistent picture of what a {@link MemoryStorage} holds, taken at one instant.
 *
 * <p>Without pinned or retained old revisions, {@code heldVersions == liveObjects}: every
 * superseded version has been reclaimed. The difference {@code heldVersions - liveObjects} equals
 * {@code pendingVersions}, the superseded versions kept because some pinned or retained revision
 * can still see them.
 *
 * @param lastRevision    the newest committed revision
 * @param liveObjects     objects that exist at the newest revision
 * @param heldVersions    record versions held in memory, current and superseded
 * @param pendingVersions superseded versions not yet reclaimable
 * @param pinnedRevisions distinct revisions pinned by open snapshots
 * @param openSnapshots   open snapshots (several may pin the same revision)
 */
public record MemoryStorageStats(
        long lastRevision,
        long liveObjects,
        long heldVersions,
        long pendingVersions,
        int pinnedRevisions,
        int openSnapshots) implements StorageStats {
}
