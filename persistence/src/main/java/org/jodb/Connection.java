package org.jodb;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jodb.cache.CacheHolder;
import org.jodb.cache.CacheStats;
import org.jodb.cache.ObjectCache;
import org.jodb.cache.RecordCache;
import org.jodb.cache.PersistentObject;
import org.jodb.cache.StateCodes;
import org.jodb.cache.StateManager;
import org.jodb.collections.PersistentMap;
import org.jodb.serialization.EncodedState;
import org.jodb.serialization.RecordCodec;
import org.jodb.serialization.ReferenceContext;
import org.jodb.storage.Record;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.RevisionChanges;
import org.jodb.storage.Snapshot;
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
 * Objects of a closed connection cannot be used: reading or writing one of their fields throws
 * {@link IllegalStateException} (sticky objects excepted, their fields stay readable).
 */
public final class Connection implements AutoCloseable, CacheHolder {
    private final Database database;
    private final Storage storage;
    private final ObjectCache cache;
    private final RecordCache<Record> recordCache;
    private final RecordCodec codec;
    private final Manager manager = new Manager();
    /** Objects to write at commit, in registration order (changed ones, then new reachable ones). */
    private final List<PersistentObject> changed = new ArrayList<>();
    /** The revision a read-only connection reads for its whole life ({@link Database#openAt}), or -1. */
    private final long readOnlyRevision;

    private Snapshot snapshot;
    private long lastRevision;
    private long transactionNumber;
    private boolean open = true;

    Connection(Database database) {
        this(database, -1);
    }

    /** A connection; read-only at {@code readOnlyRevision} unless it is -1. */
    Connection(Database database, long readOnlyRevision) {
        this.readOnlyRevision = readOnlyRevision;
        this.database = database;
        this.storage = database.storage();
        this.cache = new ObjectCache(database.options().cachePolicy(), database.sizeEstimator());
        this.recordCache = database.recordCache();
        this.codec = new RecordCodec(database.typeCatalog(), manager);
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
        beginIfNeeded();
        PersistentObject object = cache.get(oid);
        if (object != null) {
            return object;
        }
        Record record = loadRecord(oid, null);
        object = codec.newInstance(codec.classOf(record.classId()));
        adopt(object, oid, StateCodes.GHOST);
        fill(object, record);
        return object;
    }

    /**
     * Writes every changed object, and every new object reachable from one, in one atomic
     * revision. On any failure (a {@link ConflictException}, an {@link UnstorableFieldException},
     * ...) nothing is written and the transaction is aborted before the exception propagates.
     */
    public void commit() {
        checkOpen();
        try {
            if (!changed.isEmpty()) {
                List<RecordWrite> writes = encodeChanged();
                long revision = storage.commit(writes);
                for (int i = 0; i < changed.size(); i++) {
                    PersistentObject object = changed.get(i);
                    RecordWrite write = writes.get(i);
                    int size = recordSize(write.payload().length, write.references().length);
                    if (write.baseSerial() == 0) {
                        cache.loaded(object, size);
                    } else {
                        cache.resized(object, size);
                    }
                    object.$jodbSerial(revision);
                    object.$jodbState(StateCodes.UPTODATE);
                }
                changed.clear();
            }
        } catch (ConflictException conflict) {
            PersistentObject loser = cache.peek(conflict.oid());
            abortChanges();
            endTransaction();
            throw new ConflictException(conflict.oid(), conflict.readSerial(), conflict.currentSerial(),
                    conflict.getMessage() + (loser == null ? "" : " (" + loser.getClass().getName() + ")"));
        } catch (RuntimeException | Error failure) {
            abortChanges();
            endTransaction();
            throw failure;
        }
        endTransaction();
    }

    /** Drops every uncommitted change: changed objects return to their committed state. */
    public void abort() {
        checkOpen();
        abortChanges();
        endTransaction();
    }

    /**
     * Remembers the current state of every changed object, so that {@link Savepoint#rollback()}
     * can return to it without ending the transaction.
     */
    public Savepoint savepoint() {
        checkOpen();
        beginIfNeeded();
        Map<PersistentObject, EncodedState> states = new IdentityHashMap<>();
        for (int i = 0; i < changed.size(); i++) { // encoding may append newly reachable objects
            PersistentObject object = changed.get(i);
            states.put(object, codec.encode(object));
        }
        collectCache(); // as ZODB's savepoint does: a long transaction stays bounded except for its changes
        return new Savepoint(this, transactionNumber, states, changed.size());
    }

    void rollback(Savepoint savepoint) {
        checkOpen();
        if (savepoint.transactionNumber() != transactionNumber) {
            throw new IllegalStateException("savepoint belongs to a transaction that has ended");
        }
        Map<PersistentObject, EncodedState> states = savepoint.states();
        for (int i = changed.size() - 1; i >= savepoint.changedCount(); i--) {
            PersistentObject object = changed.remove(i);
            if (!states.containsKey(object)) {
                revert(object);
            }
        }
        for (Map.Entry<PersistentObject, EncodedState> entry : states.entrySet()) {
            PersistentObject object = entry.getKey();
            EncodedState state = entry.getValue();
            codec.decode(object, state.classId(), state.payload());
            if (object.$jodbState() != StateCodes.CHANGED) {
                object.$jodbState(StateCodes.CHANGED);
                changed.add(object);
            }
        }
    }

    /** Statistics of this connection's object cache. */
    public CacheStats cacheStats() {
        return cache.stats();
    }

    /**
     * Turns every loaded object that is neither changed nor sticky into a ghost, releasing its
     * state (ZODB's {@code cacheMinimize}). Usable inside a transaction: changes are kept.
     */
    public void minimize() {
        checkOpen();
        cache.minimize(this::ghostify);
    }

    /**
     * This connection's object cache, for tools such as {@link org.jodb.cache.HeapProfile}; read it,
     * do not change it.
     */
    @Override
    public ObjectCache objectCache() {
        return cache;
    }

    /** The revision the current transaction reads, or the last one it read between transactions. */
    public long revision() {
        return snapshot != null ? snapshot.revision() : lastRevision;
    }

    /** The database this connection belongs to. */
    public Database database() {
        return database;
    }

    /** Whether this connection only reads one old revision ({@link Database#openAt}). */
    public boolean isReadOnly() {
        return readOnlyRevision >= 0;
    }

    /** False once closed. */
    public boolean isOpen() {
        return open;
    }

    /**
     * Aborts any uncommitted changes and returns the connection to the database's pool, keeping
     * its cache warm for the next {@link Database#open()}. Closing twice is harmless.
     */
    @Override
    public void close() {
        if (!open) {
            return;
        }
        abortChanges();
        endTransaction();
        releaseReadOnlySnapshot();
        open = false;
        database.release(this);
    }

    private void releaseReadOnlySnapshot() {
        if (isReadOnly() && snapshot != null) {
            snapshot.close();
            snapshot = null;
        }
    }

    // ---- package-private life cycle, used by Database ---------------------------------------------

    void createRoot(Object root) {
        checkOpen();
        beginIfNeeded();
        PersistentObject object = (PersistentObject) root;
        object.$jodbSerial(0);
        adopt(object, Storage.ROOT_OID, StateCodes.CHANGED);
        changed.add(object);
    }

    void reopen() {
        open = true;
    }

    void closeForGood() {
        if (open) {
            abortChanges();
            endTransaction();
            releaseReadOnlySnapshot();
            open = false;
        }
    }

    // ---- transactions ----------------------------------------------------------------------------

    /** Pins the revision to read: the newest, or for a read-only connection its fixed one. */
    void beginIfNeeded() {
        if (snapshot != null) {
            return;
        }
        Snapshot next = isReadOnly() ? storage.openSnapshot(readOnlyRevision) : storage.openSnapshot();
        if (next.revision() != lastRevision) {
            invalidateChangedSince(lastRevision, next.revision());
        }
        snapshot = next;
        lastRevision = next.revision();
    }

    private void invalidateChangedSince(long after, long upTo) {
        List<RevisionChanges> log = storage.changesSince(after);
        if (log == null) {
            for (PersistentObject object : cache.loadedObjects()) {
                ghostify(object);
            }
            return;
        }
        for (RevisionChanges changes : log) {
            if (changes.revision() > upTo) {
                break;
            }
            for (long oid : changes.oids()) {
                PersistentObject object = cache.peek(oid);
                // An object whose loaded state is at least this revision (our own commit) is current.
                if (object != null && object.$jodbState() != StateCodes.GHOST
                        && object.$jodbSerial() < changes.revision()) {
                    ghostify(object);
                }
            }
        }
    }

    private void endTransaction() {
        if (snapshot != null && !isReadOnly()) { // a read-only connection keeps its revision until closed
            snapshot.close();
            snapshot = null;
        }
        transactionNumber++;
        cache.resetAccessed();
        collectCache();
    }

    private void collectCache() {
        DatabaseOptions options = database.options();
        cache.collect(options.cacheTargetCount(), options.cacheTargetBytes(), this::ghostify);
    }

    private List<RecordWrite> encodeChanged() {
        List<RecordWrite> writes = new ArrayList<>(changed.size());
        for (int i = 0; i < changed.size(); i++) { // encoding may append newly reachable objects
            PersistentObject object = changed.get(i);
            EncodedState state = codec.encode(object);
            writes.add(new RecordWrite(object.$jodbOid(), object.$jodbSerial(), state.classId(),
                    state.references(), state.payload()));
        }
        return writes;
    }

    private void abortChanges() {
        for (int i = changed.size() - 1; i >= 0; i--) {
            revert(changed.get(i));
        }
        changed.clear();
    }

    private void removeChanged(PersistentObject object) {
        for (int i = changed.size() - 1; i >= 0; i--) {
            if (changed.get(i) == object) { // by identity: persistent classes may override equals
                changed.remove(i);
                return;
            }
        }
    }

    /** Undoes one object's uncommitted change: a new object becomes transient, a stored one a ghost. */
    private void revert(PersistentObject object) {
        if (object.$jodbSerial() == 0) {
            cache.remove(object);
            object.$jodbManager(null);
            object.$jodbOid(0);
            object.$jodbState(StateCodes.CHANGED); // code 0 without a manager: transient again
        } else {
            ghostify(object);
        }
    }

    // ---- loading ---------------------------------------------------------------------------------

    private Record loadRecord(long oid, PersistentObject forObject) {
        long revision = snapshot.revision();
        Record record = recordCache == null ? null : recordCache.get(oid, revision);
        if (record == null) {
            record = snapshot.load(oid);
            if (record != null && recordCache != null) {
                recordCache.put(oid, record, revision);
            }
        }
        if (record == null) {
            String what = forObject == null ? "" : " (" + forObject.getClass().getName() + ")";
            throw new JodbException("oid " + hex(oid) + what + " does not exist at revision "
                    + snapshot.revision() + ": it was never committed or has been removed");
        }
        return record;
    }

    private void fill(PersistentObject object, Record record) {
        codec.decode(object, record.classId(), record.payload());
        object.$jodbSerial(record.serial());
        object.$jodbState(StateCodes.ACCESSED);
        cache.loaded(object, recordSize(record.payload().length, record.references().length));
    }

    private void adopt(PersistentObject object, long oid, byte state) {
        object.$jodbOid(oid);
        object.$jodbManager(manager);
        object.$jodbState(state);
        cache.put(object);
    }

    private void ghostify(PersistentObject object) {
        codec.clear(object);
        object.$jodbState(StateCodes.GHOST);
        object.$jodbSerial(0);
        cache.ghosted(object);
    }

    /** The record length the cache's size estimate is calibrated against: payload plus references. */
    private static int recordSize(int payloadBytes, int references) {
        return payloadBytes + 8 * references;
    }

    private void checkOpen() {
        if (!open) {
            throw new IllegalStateException("connection is closed");
        }
    }

    static String hex(long oid) {
        return "0x" + Long.toHexString(oid);
    }

    /**
     * The connection's side of the object-state contract. A separate object keeps the
     * {@link StateManager} and {@link ReferenceContext} callbacks out of the public API.
     */
    private final class Manager implements StateManager, ReferenceContext {

        @Override
        public void beforeRead(PersistentObject object) {
            checkUsable(object, "load");
            beginIfNeeded();
            byte code = object.$jodbState();
            if (code == StateCodes.GHOST) {
                fill(object, loadRecord(object.$jodbOid(), object));
            } else if (code == StateCodes.UPTODATE) {
                object.$jodbState(StateCodes.ACCESSED);
                cache.accessed(object);
            }
        }

        @Override
        public void beforeWrite(PersistentObject object) {
            checkUsable(object, "change");
            if (isReadOnly()) {
                throw new IllegalStateException("cannot change object " + hex(object.$jodbOid()) + " ("
                        + object.getClass().getName() + "): the connection is read-only, reading revision "
                        + readOnlyRevision + " (opened with Database.openAt)");
            }
            beginIfNeeded();
            if (object.$jodbState() == StateCodes.GHOST) {
                fill(object, loadRecord(object.$jodbOid(), object));
            }
            if (object.$jodbState() != StateCodes.CHANGED) {
                object.$jodbState(StateCodes.CHANGED);
                changed.add(object);
            }
        }

        @Override
        public void deactivate(PersistentObject object) {
            byte code = object.$jodbState();
            if (code == StateCodes.UPTODATE || code == StateCodes.ACCESSED) {
                ghostify(object);
            }
        }

        @Override
        public void invalidate(PersistentObject object) {
            if (object.$jodbState() == StateCodes.CHANGED) {
                removeChanged(object);
            }
            if (object.$jodbState() != StateCodes.GHOST) {
                ghostify(object);
            }
        }

        @Override
        public long referenceTo(PersistentObject target) {
            StateManager owner = target.$jodbManager();
            if (owner == this) {
                return target.$jodbOid();
            }
            if (owner != null) {
                throw new JodbException("object " + hex(target.$jodbOid()) + " ("
                        + target.getClass().getName() + ") belongs to another connection; "
                        + "persistent objects cannot be shared between connections");
            }
            long oid = storage.newOid();
            target.$jodbSerial(0);
            adopt(target, oid, StateCodes.CHANGED);
            changed.add(target);
            return oid;
        }

        @Override
        public PersistentObject resolve(long oid, Class<?> type) {
            PersistentObject object = cache.get(oid);
            if (object == null) {
                object = codec.newInstance(type);
                adopt(object, oid, StateCodes.GHOST);
            }
            return object;
        }

        private void checkUsable(PersistentObject object, String action) {
            if (!open) {
                throw new IllegalStateException("cannot " + action + " object " + hex(object.$jodbOid())
                        + " (" + object.getClass().getName() + "): its connection is closed");
            }
        }
    }
}
