package org.jodb;

/**
 * Implemented by a {@link Persistent} class whose concurrent changes can be merged instead of
 * conflicting (ZODB's {@code _p_resolveConflict}). When a commit finds that another transaction
 * committed a newer revision of such an object since this transaction read it, the connection
 * asks the object's class to merge three states, and commits the merged one instead of failing
 * with {@link ConflictException}.
 *
 * <p><b>The three states</b> are detached copies, never the live object: each is a new instance of
 * the class decoded from a record, without a connection (its state is {@code TRANSIENT}), with
 * its constructors and field initializers not run and its {@code transient} fields at their Java
 * defaults.
 * <ul>
 *   <li>{@code this}: this transaction's state, as it was about to be written ("mine");</li>
 *   <li>{@code old}: the state this transaction started from: the record it read, at its base
 *       revision;</li>
 *   <li>{@code committed}: the newest committed state, written by the other transaction(s).</li>
 * </ul>
 * The method changes {@code this} into the merged state and returns {@code true}; the merged state
 * is written based on the committed revision, and after the commit the live object holds it. It
 * returns {@code false} to refuse: the commit then fails with {@link ConflictException} as it
 * would without this interface, and nothing is written. Any exception it throws fails the commit
 * too (the transaction is aborted, nothing is written) and propagates unchanged: a bug in a merge
 * is not a conflict, so {@link Database#transact} does not retry it. A counter, for example,
 * merges by adding its own change to the committed value:
 * <pre>{@code
 * public boolean mergeConflict(Counter old, Counter committed) {
 *     value = committed.value + (value - old.value);
 *     return true;
 * }
 * }</pre>
 *
 * <p><b>What the commit does.</b> All conflicts of one commit are merged before it is retried,
 * and the retried commit is still atomic: if any other object of the commit conflicts and cannot
 * be merged, the commit fails with {@code ConflictException} and nothing of it, merged or not, is
 * written. If yet another transaction commits while a merge runs, the object is merged again
 * (with the previous merge as {@code this} and the state it was merged with as {@code old}), a
 * bounded number of times. So a merge may run more than once per commit: it must only compute
 * the merged state, without side effects. Only objects that existed before the transaction are
 * merged; creating an object whose oid another transaction also created is always a conflict.
 *
 * <p><b>Limits.</b> References to other persistent objects in the three states resolve to the
 * connection's instances of them (ghosts if not loaded), as in a loaded object: compare them by
 * identity and store them, but do not read or change them in a merge. The merge runs within
 * this transaction's snapshot, where objects created by the other transaction do not exist, and
 * changes to other objects made during a merge are not written. The merged state may refer only
 * to objects that are already stored or stored by this commit: a new persistent object in it fails
 * the commit with {@link UnstorableFieldException}. Plain values in the states (collections,
 * arrays, nested objects) are independent copies in each state, so a merge may change
 * {@code this}'s freely and take values from {@code old} or {@code committed}.
 *
 * @param <T> the implementing class (the type of the three states)
 */
public interface MergesConflicts<T> {

    /**
     * Merges the committed state into {@code this} (this transaction's state), relative to the
     * state this transaction started from.
     *
     * @param old       the state this transaction started from
     * @param committed the newest committed state
     * @return {@code true} once {@code this} holds the merged state; {@code false} to refuse, so the
     *         commit fails with {@link ConflictException}
     */
    boolean mergeConflict(T old, T committed);
}
