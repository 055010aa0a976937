package org.jodb.cache;

/**
 * The life-cycle state of a persistent object, as seen by application code. The transitions, who
 * makes each and what it does, are in <a href="package-summary.html#states">the object-state
 * contract</a> of this package.
 */
public enum ObjectState {
    /**
     * Not stored: created with {@code new} (or cloned) and not yet reached by a commit, or made
     * transient again because the transaction that first stored it was undone.
     */
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
