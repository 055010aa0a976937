package org.jodb.storage;

/**
 * What a storage holds, taken at one instant, from {@link Storage#stats()}. The figures every
 * storage has are here; each implementation's record adds its own ({@code FileStorageStats}:
 * pages in use, free and pending, file size; {@code MemoryStorageStats}: versions held), so a
 * caller that knows the storage can pattern-match for them. Implementations are immutable.
 */
public interface StorageStats {

    /** The newest committed revision. */
    long lastRevision();

    /** Distinct revisions pinned by open snapshots. */
    int pinnedRevisions();

    /** Open snapshots (several may pin one revision). */
    int openSnapshots();
}
