package org.jodb;

import java.util.List;
import org.jodb.cache.CacheHolder;
import org.jodb.cache.CacheStats;
import org.jodb.cache.ObjectCacheView;
import org.jodb.collections.PersistentMap;
import org.jodb.storage.Storage;

/**
 * A session with a {@link Database}: its own object cache and one transaction at a time.
 *
 * <p>A transaction begins implicitly at the first object access after {@link #commit()},
 * {@link #abort()} or {@link Database#open()}: it pins the newest committed revision and turns
 * into ghosts the cached objects that other commits changed since this connection's last
 * transaction. It reads only that revision (snapshot isolation) until it ends. Between
 * transactions no revision is pinned.
 *
 * <p>Not thread-safe: use a connection, and the objects it loaded, from one thread at a time.
 * {@link #close()} returns the connection's cache to the database's pool: this {@code Connection}
 * then throws {@link IllegalStateException} on every use (a second {@code close()} does nothing),
 * and so does every object used through it, on any thread but the one that holds the connection
 * the pool has since handed the same cache to: for that thread they are that connection's objects
 * (the pool keeps one instance per oid and cache, warm), and they join its transaction.
 */
public final class Connection implements AutoCloseable, CacheHolder {
    private final Database database;
    private final Session session;
    private final Session.Checkout checkout;

    Connection(Database database, Session session) {
        this.database = database;
        this.session = session;
        this.checkout = session.checkOut();
    }

    /** The root map: the entry point from which every stored object is reachable. */
    @SuppressWarnings("unchecked")
    public PersistentMap<String, Object> root() {
        return (PersistentMap<String, Object>) get(Storage.ROOT_OID);
    }

    /**
     * The object with this oid, as of the current transaction's snapshot.
     *
     * @throws JodbException if no such object exists at that revision
     */
    public Object get(long oid) {
        checkOpen();
        return session.get(oid);
    }

    /**
     * Writes every changed object, and every new object reachable from one, in one atomic
     * revision. On any failure (a {@link ConflictException}, an {@link UnstorableFieldException},
     * ...) nothing is written and the transaction is aborted before the exception propagates.
     */
    public void commit() {
        checkOpen();
        session.commit();
    }

    /** Drops every uncommitted change: changed objects return to their committed state. */
    public void abort() {
        checkOpen();
        session.abort();
    }

    /**
     * Remembers the current state of every changed object, so that {@link Savepoint#rollback()}
     * can return to it without ending the transaction.
     */
    public Savepoint savepoint() {
        checkOpen();
        return session.savepoint(this);
    }

    void rollback(Savepoint savepoint) {
        checkOpen();
        session.rollback(savepoint);
    }

    /**
     * Makes {@code participant} take part in this connection's transactions, from now until
     * {@link #leave} or {@link #close()}; joining twice is joining once. See
     * {@link TransactionParticipant} for when it is called.
     */
    public void join(TransactionParticipant participant) {
        checkOpen();
        session.join(participant);
    }

    /** Stops calling {@code participant}; does nothing if it had not joined. */
    public void leave(TransactionParticipant participant) {
        checkOpen();
        session.leave(participant);
    }

    /**
     * Writes new persistent objects now, in a storage commit of their own, ahead of this
     * transaction's, and turns them into ghosts: what they held no longer takes heap. For a
     * transaction that writes more than the heap holds (a {@code BigFile}'s blocks): its own commit
     * then only refers to them. They must be transient and refer to stored objects only.
     *
     * <p>Until this transaction commits a reference to them nothing reaches them: if it aborts (or
     * never refers to them) they are garbage, which the next {@link Database#collectGarbage()}
     * removes; a collection that runs before this transaction commits may remove them already, and
     * the commit then fails with a {@link ConflictException} naming the removed oid. They cannot be
     * loaded in this transaction, whose snapshot precedes them; later transactions load them as usual.
     *
     * @throws IllegalArgumentException if an object is not persistent, is stored or queued already,
     *                                  or refers to a new object (nothing is written then)
     * @throws IllegalStateException    if the connection is closed or read-only
     */
    public void storeAhead(List<?> objects) {
        checkOpen();
        session.storeAhead(objects);
    }

    /** Statistics of this connection's object cache. */
    public CacheStats cacheStats() {
        return session.cache().stats();
    }

    /**
     * Turns every loaded object that is neither changed nor sticky into a ghost, releasing its
     * state (ZODB's {@code cacheMinimize}). Usable inside a transaction: changes are kept.
     */
    public void minimize() {
        checkOpen();
        session.minimize();
    }

    /** This connection's object cache, read-only, for tools such as {@link org.jodb.cache.HeapProfile}. */
    @Override
    public ObjectCacheView objectCache() {
        return session.cache().view();
    }

    /** The revision the current transaction reads, or the last one it read between transactions. */
    public long revision() {
        return session.revision();
    }

    /** The database this connection belongs to. */
    public Database database() {
        return database;
    }

    /** Whether this connection only reads one old revision ({@link Database#openAt}). */
    public boolean isReadOnly() {
        return session.isReadOnly();
    }

    /** False once closed. */
    public boolean isOpen() {
        return checkout.isOpen();
    }

    /**
     * Aborts any uncommitted changes and returns the connection's cache to the database's pool,
     * warm for the next {@link Database#open()}. Closing twice is harmless: the second close does
     * nothing, even when the pool has handed the cache on.
     */
    @Override
    public void close() {
        if (!checkout.isOpen()) {
            return;
        }
        session.checkIn();
        database.release(session);
    }

    Session session() {
        return session;
    }

    private void checkOpen() {
        if (!checkout.isOpen()) {
            throw new IllegalStateException("connection is closed");
        }
        checkout.heldBy(Thread.currentThread());
    }
}
