package org.jodb;

import java.util.function.LongPredicate;

/**
 * Something outside the object graph that takes part in a {@link Connection}'s transactions (a
 * file handle holding dirty blocks, say), registered with {@link Connection#join} until
 * {@link Connection#leave} or the connection's {@code close()}.
 *
 * <p>The connection calls it on its own thread, at these points of each transaction:
 * <ul>
 * <li>{@link #beforeCommit()} first in {@code commit()}, before the changed objects are collected:
 *     the participant writes what it holds into persistent objects, which then commit with the
 *     rest in the same storage commit. If it throws, the transaction is aborted (and
 *     {@link #afterAbort()} called) before the exception propagates.</li>
 * <li>{@link #afterCommit()} once the commit is durable and the connection's bookkeeping done
 *     (also after a commit that had nothing to write).</li>
 * <li>{@link #afterAbort()} after {@code abort()}, after a failed commit, and at {@code close()}.</li>
 * <li>{@link #transactionBegins(LongPredicate)} when a transaction begins on a newer revision than
 *     the last one this connection read, after the connection has turned the objects other commits
 *     changed into ghosts.</li>
 * </ul>
 * All methods do nothing by default. Participants are called in the order they joined.
 */
public interface TransactionParticipant {

    /** Writes pending state into persistent objects, before the commit collects changed objects. */
    default void beforeCommit() {
    }

    /** The transaction committed (it may have written nothing). */
    default void afterCommit() {
    }

    /** The transaction was aborted: its changes are gone. */
    default void afterAbort() {
    }

    /**
     * A transaction begins on a newer revision. {@code changedByOthers} tells whether an oid was
     * written by another connection's commit since the revision this connection last read (this
     * connection's own commit is not counted); it answers true for every oid when the storage's
     * change log no longer reaches back that far. Valid during this call only; may be called
     * while another participant's hook runs, so it should only record what changed.
     */
    default void transactionBegins(LongPredicate changedByOthers) {
    }
}
