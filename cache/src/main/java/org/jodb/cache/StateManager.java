package org.jodb.cache;

/**
 * The owner of a set of persistent objects (a connection): it loads their state, records their
 * changes and tracks their use. Enhanced classes call it only on the slow path of a field access,
 * that is, when the object's state code says there is something to do. What each method does to
 * the object's state: <a href="package-summary.html#states">the object-state contract</a>.
 *
 * <p>A state manager is confined to one thread at a time, like the connection that implements it.
 */
public interface StateManager {

    /**
     * Called before a field of {@code object} is read while its code is positive (GHOST,
     * UPTODATE or STICKY_UNUSED: not yet used in this transaction): begins the transaction if
     * none, loads a ghost, and tells the cache the object was used.
     *
     * @throws IllegalStateException if the manager is closed
     */
    void beforeRead(PersistentObject object);

    /**
     * Called before a field of {@code object} is written while its code is not CHANGED: loads a
     * ghost, marks the object CHANGED and joins it to the current transaction.
     *
     * @throws IllegalStateException if the manager is closed or the connection is read-only
     */
    void beforeWrite(PersistentObject object);

    /** Turns a loaded, unchanged, non-sticky object back into a ghost; does nothing otherwise. */
    void deactivate(PersistentObject object);

    /**
     * Turns the object into a ghost whatever its state, dropping any uncommitted change; an object
     * first stored in the current transaction becomes transient again, as on abort.
     */
    void invalidate(PersistentObject object);

    /**
     * Pins {@code object} in memory ({@code true}: loads it; the cache never evicts it) or releases
     * the pin. A pin lasts across transactions until released; a pinned object still sees other
     * transactions' commits at each transaction boundary.
     *
     * @throws IllegalStateException if the manager is closed
     */
    void setSticky(PersistentObject object, boolean sticky);

    /**
     * Called when a container that reports its changes to {@code object} (a collection decoded
     * from its record) hands out a view whose changes it cannot report, while the object is loaded
     * and not CHANGED: from now on, until the object is reloaded, its state is compared at commit
     * with its state as of this call. The default, for managers that compare nothing, marks it
     * changed, as {@link #beforeWrite} does: the change must not be lost.
     *
     * @throws IllegalStateException if the manager is closed or, by default, read-only
     */
    default void compareAtCommit(PersistentObject object) {
        beforeWrite(object);
    }
}
