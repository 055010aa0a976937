package org.jodb;

import java.util.Map;
import org.jodb.cache.PersistentObject;
import org.jodb.serialization.EncodedState;

/**
 * A point inside a transaction to return to: {@link #rollback()} restores every object changed
 * before the savepoint to its state at the savepoint, turns objects changed only after it back to
 * their committed state, and makes objects first stored after it transient again. The
 * transaction goes on. A savepoint can be rolled back to more than once, but only within the
 * transaction that created it.
 */
public final class Savepoint {
    private final Connection connection;
    private final long transactionNumber;
    private final Map<PersistentObject, EncodedState> states;
    private final Map<PersistentObject, Long> newObjects;

    Savepoint(Connection connection, long transactionNumber, Map<PersistentObject, EncodedState> states,
              Map<PersistentObject, Long> newObjects) {
        this.connection = connection;
        this.transactionNumber = transactionNumber;
        this.states = states;
        this.newObjects = newObjects;
    }

    /**
     * Returns the transaction to this savepoint.
     *
     * @throws IllegalStateException if the transaction that created it has ended
     */
    public void rollback() {
        connection.rollback(this);
    }

    long transactionNumber() {
        return transactionNumber;
    }

    Map<PersistentObject, EncodedState> states() {
        return states;
    }

    /** The objects first stored in this transaction as of the savepoint, with the oids they had. */
    Map<PersistentObject, Long> newObjects() {
        return newObjects;
    }
}
