package org.jodb.cache;

/**
 * A snapshot of one object cache's counters (or the sum over several caches).
 *
 * @param loaded         objects with loaded state (held strongly in the recency rings)
 * @param ghosts         objects in memory as ghosts (held weakly)
 * @param estimatedBytes the sum of the loaded objects' calibrated size estimates
 * @param hits           lookups by oid that found the object in memory
 * @param misses         lookups by oid that did not
 * @param loads          objects whose state was loaded (ghost activations and first stores)
 * @param evictions      objects turned into ghosts to meet the targets
 */
public record CacheStats(int loaded, int ghosts, long estimatedBytes, long hits, long misses, long loads,
                         long evictions) {

    /** The field-wise sum of two snapshots. */
    public CacheStats plus(CacheStats other) {
        return new CacheStats(loaded + other.loaded, ghosts + other.ghosts, estimatedBytes + other.estimatedBytes,
                hits + other.hits, misses + other.misses, loads + other.loads, evictions + other.evictions);
    }

    /** All zeros. */
    public static CacheStats empty() {
        return new CacheStats(0, 0, 0, 0, 0, 0, 0);
    }
}
