package org.jodb.cache;

/**
 * The life-cycle state of a persistent object, as seen by application code.
 *
 * <pre>
 *   new object --(reachable at commit)--> CHANGED --commit--> UPTODATE
 *   GHOST --(field read)--> UPTODATE --(field write)--> CHANGED --abort--> GHOST
 *   UPTODATE --(deactivate / cache eviction / invalidation)--> GHOST
 * </pre>
 */
public enum ObjectState {
    /** Not (yet) stored: created with {@code new} and not reachable from a committed object. */
    TRANSIENT,
    /** Stored; only the oid and owning connection are in memory, the fields are not loaded. */
    GHOST,
    /** Loaded and equal to the revision it was loaded from. */
    UPTODATE,
    /** Loaded and modified in the current transaction; written at commit, never evicted. */
    CHANGED,
    /** Loaded and pinned in memory: never turned into a ghost by the cache. */
    STICKY
}
