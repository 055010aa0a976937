/**
 * The application's API: annotate classes {@link org.jodb.Persistent}, open a
 * {@link org.jodb.Database}, and read and change objects through a {@link org.jodb.Connection}
 * in transactions with snapshot isolation.
 *
 * <p><b>Key types.</b> {@link org.jodb.Database} (owns the storage, the shared record cache and a
 * pool of connections; {@link org.jodb.Database#transact} retries on conflict),
 * {@link org.jodb.DatabaseOptions}, {@link org.jodb.Connection} (one transaction at a time, one
 * thread at a time), {@link org.jodb.Savepoint}, {@link org.jodb.Persistence} (state, pins,
 * {@code markChanged} without a cast), {@link org.jodb.DatabaseStats},
 * {@link org.jodb.ObjectVersion}, {@link org.jodb.MergesConflicts} (classes whose concurrent
 * changes merge instead of conflicting), {@link org.jodb.TransactionParticipant} (state outside the
 * object graph, such as a big file's dirty blocks, that joins a connection's transactions), and the exceptions under {@link org.jodb.JodbException}
 * ({@link org.jodb.ConflictException}, {@link org.jodb.UnstorableFieldException},
 * {@link org.jodb.NotEnhancedException}, {@link org.jodb.UnknownClassException}).
 *
 * <p><b>Inside.</b> The package-private {@code Session} is a connection's engine: the object
 * cache, the changed and watched objects, the snapshot (its {@code ConflictResolver} merges
 * conflicts at commit); each {@code Connection} is one checkout of
 * a pooled session, and the checkout is the {@link org.jodb.cache.StateManager} of the objects
 * used through it. What it does to each object's state is the table in
 * {@link org.jodb.cache}. Every public type here is API; only the exceptions' constructors are
 * public for other jodb packages, which throw them: {@code ConflictException} from
 * {@code org.jodb.storage}, {@code UnknownClassException} and {@code UnstorableFieldException}
 * from {@code org.jodb.serialization}, {@code NotEnhancedException} from {@code org.jodb.enhance},
 * {@code JodbException} from several.
 */
package org.jodb;
