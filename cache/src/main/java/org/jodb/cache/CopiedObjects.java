package org.jodb.cache;

/**
 * Makes a field-by-field copy of a persistent object ({@link Object#clone()}) a new, transient
 * object. The copy would otherwise share the original's oid, serial, connection and recency-ring
 * links, and linking the same ring slots from two objects corrupts the cache. The enhancer calls
 * {@link #detach} right after every {@code super.clone()} in a persistent class.
 */
public final class CopiedObjects {
    private CopiedObjects() {
    }

    /** Clears the object-state fields of {@code copy} if it is persistent: it becomes transient. */
    public static void detach(Object copy) {
        if (copy instanceof PersistentObject) {
            PersistentObject object = (PersistentObject) copy;
            object.$jodbManager(null);
            object.$jodbOid(0);
            object.$jodbSerial(0);
            object.$jodbPrev(null);
            object.$jodbNext(null);
            object.$jodbSize(0);
            object.$jodbState(StateCodes.TRANSIENT);
        }
    }
}
