package org.jodb.cache;

/** How an {@link ObjectCache} picks the loaded objects it turns back into ghosts. */
public enum EvictionPolicy {
    /**
     * Segmented LRU with a re-reference history kept in the ghosts themselves (2Q-like); resists
     * scans. The default; see {@link ObjectCache} for how it works.
     */
    SEGMENTED,
    /** Plain least-recently-used, as ZODB's pickle cache: a one-pass scan flushes the working set. */
    LRU
}
