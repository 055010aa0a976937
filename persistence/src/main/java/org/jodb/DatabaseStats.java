package org.jodb;

import org.jodb.cache.CacheStats;
import org.jodb.storage.StorageStats;

/**
 * A snapshot of a database's counters, from {@link Database#stats()}.
 *
 * @param openConnections     connections in use
 * @param pooledConnections   closed connections kept for reuse
 * @param objectCaches        the sum of the object-cache statistics of all those connections
 * @param recordCacheEntries  oids with records in the shared record cache
 * @param recordCacheBytes    weighed bytes in the record cache
 * @param recordCacheHits     loads answered by the record cache
 * @param recordCacheMisses   loads that went to the storage
 * @param lastRevision        the storage's newest committed revision
 * @param storage             the storage's own figures: a {@code FileStorageStats} (pages in use,
 *                            free and pending, pinned revisions, file size) or a
 *                            {@code MemoryStorageStats} (versions held)
 */
public record DatabaseStats(int openConnections, int pooledConnections, CacheStats objectCaches,
                            long recordCacheEntries, long recordCacheBytes, long recordCacheHits,
                            long recordCacheMisses, long lastRevision, StorageStats storage) {
}
