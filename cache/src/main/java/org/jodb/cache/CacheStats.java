package org.jodb.cache;

/**
 * A snapshot of one object cache's counters.
 *
 * @param loaded         objects with loaded state (in the recency ring)
 * @param ghosts         objects in memory as ghosts (held weakly)
 * @param estimatedBytes the sum of the loaded objects' size estimates
 * @param hits           lookups by oid that found the object in memory
 * @param misses         lookups by oid that did not
 * @param evictions      objects turned into ghosts to meet the targets
 */
public record CacheStats(int loaded, int ghosts, long estimatedBytes, long hits, long misses, long evictions) {
}
