package org.jodb;

import org.jodb.btree.TreeDeactivation;
import org.jodb.cache.ObjectState;
import org.jodb.cache.PersistentObject;
import org.jodb.cache.StateManager;

/**
 * Static helpers for application code that holds a persistent object under its own type and
 * would otherwise need a cast to {@link PersistentObject}.
 */
public final class Persistence {
    private Persistence() {
    }

    /** Marks {@code object} CHANGED so the next commit writes it; see {@link PersistentObject#markChanged()}. */
    public static void markChanged(Object object) {
        contract(object).markChanged();
    }

    /** The object's state. */
    public static ObjectState state(Object object) {
        return contract(object).jodbState();
    }

    /** The object's oid, or 0 if it was never stored. */
    public static long oid(Object object) {
        return contract(object).jodbOid();
    }

    /** Turns a loaded, unchanged object back into a ghost, freeing what only it referenced. */
    public static void deactivate(Object object) {
        contract(object).jodbDeactivate();
    }

    /**
     * Turns {@code object} and what its connection has loaded of it into ghosts, so that none of it
     * stays reachable through the connection's cache; loads nothing.
     *
     * <p>For a {@link org.jodb.btree.BTree} of either kind ({@code LongBTree}, {@code ObjectBTree})
     * or a {@link org.jodb.btree.BTreeSet} (through its tree): every loaded part at any depth,
     * found among the objects the connection's cache holds loaded, whether or not the part's
     * parent is still loaded: the persistent values of the
     * loaded buckets, the buckets, the internal nodes, the size stripes, then the tree itself (how
     * the parts are found, and what is not: {@link TreeDeactivation}). Costs one pass over the
     * cache's loaded objects. The caller's reference to the tree stays valid: the tree is a ghost,
     * and its next use loads it and the parts it needs. For any other persistent object: the object
     * alone, as {@link #deactivate}.
     *
     * <p>CHANGED and STICKY objects are left loaded and counted in the result, and so is an object
     * found changed in place (it is marked CHANGED, as {@link #deactivate} does).
     *
     * @return how many objects were ghosted and how many were left
     * @throws IllegalStateException if the object's connection is closed
     */
    public static DeepDeactivation deactivateDeep(Object object) {
        PersistentObject persistent = contract(object);
        StateManager manager = persistent.$jodbManager();
        if (manager == null) { // transient: nothing of it was loaded from storage
            return new DeepDeactivation(0, 0, 0);
        }
        // The objects loaded with it may belong to an older checkout of the same session; every
        // checkout of a session shares its cache.
        var cache = ((Session.Checkout) manager).session().cache();
        DeepDeactivation done = TreeDeactivation.deactivate(object, cache::loadedObjects);
        cache.releaseGhosts(); // so that what it ghosted can go now, not at the transaction's end
        return done;
    }

    /** Pins a persistent object in memory ({@code true}) or releases the pin. */
    public static void setSticky(Object object, boolean sticky) {
        contract(object).jodbSetSticky(sticky);
    }

    private static PersistentObject contract(Object object) {
        if (object instanceof PersistentObject) {
            return (PersistentObject) object;
        }
        if (object != null && object.getClass().isAnnotationPresent(Persistent.class)) {
            throw new NotEnhancedException(object.getClass());
        }
        throw new IllegalArgumentException("not a persistent object: "
                + (object == null ? "null" : object.getClass().getName()));
    }
}
