package org.jodb;

import org.jodb.cache.ObjectState;
import org.jodb.cache.PersistentObject;

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
