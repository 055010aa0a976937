package org.jodb.cache;

/**
 * Measures heap bytes. The cache calibrates its size estimates with one, and {@link HeapProfile}
 * is built on one. Implementations are thread-safe.
 */
public interface HeapMeter {

    /** The bytes of this one object (header, fields, padding), not of what it refers to. */
    long shallowSize(Object object);

    /**
     * The bytes of the object's loaded state: the object itself and everything reachable from it
     * that it owns, stopping at other persistent objects (they are accounted for on their own),
     * at its state manager, at classes and at enum constants (shared, not owned).
     */
    long stateSize(PersistentObject object);

    /** A meter backed by JOL, or null if JOL cannot inspect this JVM. */
    static HeapMeter jol() {
        return JolHeapMeter.create();
    }
}
