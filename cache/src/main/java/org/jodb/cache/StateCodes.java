package org.jodb.cache;

/**
 * The byte codes kept in every persistent object's state field.
 *
 * <p>The codes are chosen so that enhanced field accessors need one comparison each: a read is
 * fast when the code is {@code <= 0}, a write is fast when it is {@code == 0}. A freshly
 * constructed object has code 0 without any constructor code, because that is the JVM default.
 * Which codes each {@link ObjectState} uses, and who changes them:
 * <a href="package-summary.html#states">the object-state contract</a>.
 */
public final class StateCodes {
    /**
     * CHANGED, with a manager (without one, the same code is {@link #TRANSIENT}): reads and writes
     * take the fast path.
     */
    public static final byte CHANGED = 0;
    /**
     * A new object without a manager: just constructed (0 is the JVM default), a clone
     * ({@link CopiedObjects}), or an object first stored in a transaction that an abort, a
     * savepoint rollback or an invalidation undid. The same code as {@link #CHANGED}; only the
     * missing manager tells them apart ({@link #toState}).
     */
    public static final byte TRANSIENT = 0;
    /** UPTODATE and already used in the current transaction: reads are fast. */
    public static final byte ACCESSED = -1;
    /** Pinned in memory and used in the current transaction; reads are fast, a write marks it CHANGED. */
    public static final byte STICKY = -2;
    /** A ghost: the first read or write loads the state. */
    public static final byte GHOST = 1;
    /** UPTODATE but not yet used in the current transaction: the first read tells the cache. */
    public static final byte UPTODATE = 2;
    /**
     * Pinned in memory but not yet used in the current transaction: the first read or write
     * begins the transaction (which may refresh the object), then the code becomes STICKY. Without
     * it a pinned object's reads would stay on the fast path across transactions and return the
     * previous transaction's state.
     */
    public static final byte STICKY_UNUSED = 3;

    private StateCodes() {}

    /** The public state for a code; {@code managed} says whether the object has a manager. */
    public static ObjectState toState(byte code, boolean managed) {
        switch (code) {
            case CHANGED: return managed ? ObjectState.CHANGED : ObjectState.TRANSIENT;
            case ACCESSED:
            case UPTODATE: return ObjectState.UPTODATE;
            case STICKY:
            case STICKY_UNUSED: return ObjectState.STICKY;
            case GHOST: return ObjectState.GHOST;
            default: throw new IllegalStateException("unknown persistent state code " + code);
        }
    }

    /** True when the object's fields are loaded (not a ghost). */
    public static boolean isLoaded(byte code) {
        return code != GHOST;
    }
}
