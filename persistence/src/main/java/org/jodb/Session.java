package org.jodb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import org.jodb.cache.ObjectCache;
import org.jodb.cache.PersistentObject;
import org.jodb.cache.RecordCache;
import org.jodb.cache.StateCodes;
import org.jodb.cache.StateManager;
import org.jodb.serialization.EncodedState;
import org.jodb.serialization.RecordCodec;
import org.jodb.serialization.ReferenceContext;
import org.jodb.storage.Record;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.RevisionChanges;
import org.jodb.storage.Snapshot;
import org.jodb.storage.Storage;

/**
 * The pooled part of a {@link Connection}: the object cache and the transaction. A database keeps
 * closed sessions in its pool with their caches warm; each {@link Database#open()} checks one out
 * as a new {@link Connection}, and each checkout gets a new {@link Checkout}, the state manager of
 * the objects used through it. Objects keep the checkout they were last used through, so an
 * object held past its connection's {@code close()} throws instead of joining the next holder's
 * transaction, and a second {@code close()} of an old connection cannot close the next holder's.
 *
 * <p>Not thread-safe: used by the one thread that holds its current connection.
 */
final class Session implements ReferenceContext {
    private final Database database;
    private final Storage storage;
    private final ObjectCache cache;
    private final RecordCache<Record> recordCache;
    private final RecordCodec codec;
    private final ConflictResolver conflicts;
    /** Objects to write at commit, in registration order (changed ones, then new reachable ones). */
    private final List<PersistentObject> changed = new ArrayList<>();
    /** Objects used in this transaction that may have changed in place, without a field write. */
    private final InPlaceChanges inPlace;
    /** Pinned objects: never evicted, and reset to STICKY_UNUSED at every transaction boundary. */
    private final Set<PersistentObject> sticky = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The revision a read-only session reads for its whole life ({@link Database#openAt}), or -1. */
    private final long readOnlyRevision;
    /** Joined through the current checkout's connection; cleared at check-in. */
    private final List<TransactionParticipant> participants = new ArrayList<>();

    /** The current checkout; volatile so that a closed checkout's thread reads it safely. */
    private volatile Checkout checkout;
    private Snapshot snapshot;
    private long lastRevision;
    private long transactionNumber;
    /** The revision this session's last commit wrote, not reported to participants as another's. */
    private long ownCommit = -1;
    /** Revisions of objects this session stored ahead, not reported to participants as another's. */
    private final Set<Long> storedAhead = new HashSet<>();

    /** A session; read-only at {@code readOnlyRevision} unless it is -1. */
    Session(Database database, long readOnlyRevision) {
        this.readOnlyRevision = readOnlyRevision;
        this.database = database;
        this.storage = database.storage();
        this.cache = new ObjectCache(database.options().cachePolicy(), database.sizeEstimator());
        this.recordCache = database.recordCache();
        // A read-only session keeps plain collections: a tracked one would refuse a change at the
        // call, after making it; compared at commit, the change is refused and dropped there.
        this.codec = new RecordCodec(database.typeCatalog(), this,
                database.options().changeDetection() && readOnlyRevision < 0);
        this.conflicts = new ConflictResolver(storage, database.typeCatalog(), this);
        this.inPlace = new InPlaceChanges(database.options().changeDetection());
    }

    /** Starts a new checkout: objects of earlier checkouts stop working until used through this one. */
    Checkout checkOut() {
        checkout = new Checkout();
        return checkout;
    }

    /** Ends the current checkout: aborts its changes, unpins its revision (a read-only one too). */
    void checkIn() {
        abort();
        participants.clear();
        releaseReadOnlySnapshot();
        Checkout ended = checkout;
        if (ended != null) {
            ended.open = false;
            ended.holder = null; // objects of the ended checkout must not keep a thread reachable
        }
    }

    ObjectCache cache() {
        return cache;
    }

    boolean isReadOnly() {
        return readOnlyRevision >= 0;
    }

    long revision() {
        return snapshot != null ? snapshot.revision() : lastRevision;
    }

    // ---- the API of Connection, once its checkout is known to be open ----------------------------

    Object get(long oid) {
        beginIfNeeded();
        PersistentObject object = cache.get(oid);
        if (object != null) {
            return claim(object);
        }
        Record record = loadRecord(oid, null);
        object = codec.newInstance(codec.classOf(record.classId()));
        adopt(object, oid, StateCodes.GHOST);
        fill(object, record);
        return object;
    }

    /**
     * Writes every changed object, and every new one reachable from them, in one storage commit.
     * Nothing before that commit returns may leave a trace; nothing after it may undo it.
     */
    void commit() {
        long revision;
        List<RecordWrite> writes;
        try {
            notifyParticipants(TransactionParticipant::beforeCommit);
            markChangedInPlace();
            if (changed.isEmpty()) {
                endTransaction();
                writes = null;
                revision = -1;
            } else {
                writes = encodeChanged();
                revision = conflicts.commit(changed, writes, snapshot); // merges what MergesConflicts allows
            }
        } catch (ConflictException conflict) {
            PersistentObject loser = cache.peek(conflict.oid());
            ConflictException named = new ConflictException(conflict.oid(), conflict.readSerial(),
                    conflict.currentSerial(),
                    conflict.getMessage() + (loser == null ? "" : " (" + loser.getClass().getName() + ")"));
            abortAfter(named);
            throw named;
        } catch (RuntimeException | Error failure) {
            abortAfter(failure);
            throw failure;
        }
        if (writes == null) {
            notifyParticipants(TransactionParticipant::afterCommit);
            return;
        }
        // The revision is durable: from here on only bookkeeping, which must not revert it.
        ownCommit = revision;
        try {
            takeMergedStates(writes);
            // UPTODATE, not ACCESSED: a new object was never reported to the cache as used, so
            // ObjectCache.resetAccessed would not find it, and an ACCESSED object would keep
            // reading fast, without beginning the next transaction.
            for (PersistentObject object : changed) {
                object.$jodbSerial(revision);
                object.$jodbState(StateCodes.UPTODATE);
            }
            for (PersistentObject object : changed) {
                inPlace.remember(object); // the state just written is the new baseline
            }
            for (int i = 0; i < changed.size(); i++) {
                RecordWrite write = writes.get(i);
                int size = Record.weight(write.payload().length, write.references().length);
                if (write.baseSerial() == 0) {
                    cache.loaded(changed.get(i), size);
                } else {
                    cache.resized(changed.get(i), size);
                }
            }
        } finally {
            changed.clear();
            endTransaction();
        }
        notifyParticipants(TransactionParticipant::afterCommit);
    }

    void join(TransactionParticipant participant) {
        if (participant == null) {
            throw new NullPointerException("participant");
        }
        if (!participants.contains(participant)) {
            participants.add(participant);
        }
    }

    void leave(TransactionParticipant participant) {
        participants.remove(participant);
    }

    /** Calls {@code hook} on each participant, on a copy: a hook may make its participant leave. */
    private void notifyParticipants(Consumer<TransactionParticipant> hook) {
        for (TransactionParticipant participant : List.copyOf(participants)) {
            hook.accept(participant);
        }
    }

    /**
     * Gives each object whose conflict was merged the merged state that was committed, not the one
     * it held. The resolver bases a merged write on the committed revision it merged with, so its
     * base serial differs from the object's, which is still the one it was loaded at.
     */
    private void takeMergedStates(List<RecordWrite> writes) {
        for (int i = 0; i < changed.size(); i++) {
            PersistentObject object = changed.get(i);
            RecordWrite write = writes.get(i);
            if (write.baseSerial() != object.$jodbSerial()) {
                codec.decode(object, write.classId(), write.payload());
            }
        }
    }

    /** Aborts the transaction after {@code failure} ended its commit; a second failure is added to it. */
    private void abortAfter(Throwable failure) {
        try {
            abort();
        } catch (RuntimeException | Error another) {
            failure.addSuppressed(another);
        }
    }

    void abort() {
        try {
            revertChangedInPlace(null);
        } finally {
            abortChanges();
            endTransaction();
        }
        notifyParticipants(TransactionParticipant::afterAbort);
    }

    Savepoint savepoint(Connection connection) {
        beginIfNeeded();
        markChangedInPlace();
        Map<PersistentObject, EncodedState> states = new IdentityHashMap<>();
        for (int i = 0; i < changed.size(); i++) { // encoding may append newly reachable objects
            PersistentObject object = changed.get(i);
            states.put(object, codec.encode(object));
        }
        Map<PersistentObject, Long> newObjects = new IdentityHashMap<>();
        for (PersistentObject object : changed) {
            if (object.$jodbSerial() == 0) {
                newObjects.put(object, object.$jodbOid());
            }
        }
        collectCache(); // as ZODB's savepoint does: a long transaction stays bounded except for its changes
        return new Savepoint(connection, transactionNumber, states, newObjects);
    }

    void rollback(Savepoint savepoint) {
        if (savepoint.transactionNumber() != transactionNumber) {
            throw new IllegalStateException("savepoint belongs to a transaction that has ended");
        }
        Map<PersistentObject, EncodedState> states = savepoint.states();
        revertChangedInPlace(states);
        for (int i = changed.size() - 1; i >= 0; i--) {
            PersistentObject object = changed.get(i);
            if (!states.containsKey(object)) { // changed or first stored after the savepoint
                changed.remove(i);
                revert(object);
            }
        }
        // New objects made transient since (invalidated) get their oid back before any state that
        // refers to them is decoded, so those references resolve to them, not to a dangling ghost.
        for (Map.Entry<PersistentObject, Long> entry : savepoint.newObjects().entrySet()) {
            PersistentObject object = entry.getKey();
            if (object.$jodbManager() == null) {
                object.$jodbSerial(0);
                adopt(object, entry.getValue(), StateCodes.CHANGED);
                changed.add(object);
            }
        }
        for (Map.Entry<PersistentObject, EncodedState> entry : states.entrySet()) {
            PersistentObject object = entry.getKey();
            EncodedState state = entry.getValue();
            if (object.$jodbState() == StateCodes.GHOST) {
                fill(object, loadRecord(object.$jodbOid(), object)); // enters the rings, as loaded
            }
            codec.decode(object, state.classId(), state.payload());
            if (object.$jodbState() != StateCodes.CHANGED) {
                object.$jodbState(StateCodes.CHANGED);
                changed.add(object);
            }
        }
    }

    /**
     * Writes new objects in a storage commit of their own, now, and keeps them as ghosts; see
     * {@link Connection#storeAhead}. Their references must be to stored objects only: a new object
     * they refer to would have to be written too.
     */
    void storeAhead(List<?> objects) {
        if (isReadOnly()) {
            throw new IllegalStateException("cannot store objects ahead: the connection is read-only, reading revision "
                    + readOnlyRevision + " (opened with Database.openAt)");
        }
        beginIfNeeded();
        List<PersistentObject> fresh = new ArrayList<>(objects.size());
        for (Object object : objects) {
            if (!(object instanceof PersistentObject)) {
                throw new IllegalArgumentException("cannot store " + (object == null ? "null" : object.getClass().getName())
                        + " ahead: not a persistent object");
            }
            PersistentObject persistent = (PersistentObject) object;
            if (persistent.$jodbManager() != null || persistent.$jodbOid() != 0) {
                throw new IllegalArgumentException("cannot store object " + Record.hex(persistent.$jodbOid()) + " ("
                        + object.getClass().getName() + ") ahead: it is stored already, or queued for this commit");
            }
            fresh.add(persistent);
        }
        List<RecordWrite> writes = new ArrayList<>(fresh.size());
        int changedBefore = changed.size();
        for (PersistentObject object : fresh) {
            EncodedState state = codec.encode(object);
            if (changed.size() != changedBefore) { // a reference to a new object queued it for the commit
                PersistentObject reached = changed.get(changedBefore);
                while (changed.size() > changedBefore) {
                    revert(changed.remove(changed.size() - 1));
                }
                throw new IllegalArgumentException("cannot store " + object.getClass().getName()
                        + " ahead: it refers to a new object (" + reached.getClass().getName()
                        + "); objects stored ahead may refer to stored objects only");
            }
            writes.add(new RecordWrite(storage.newOid(), 0, state.classId(), state.references(), state.payload()));
        }
        storedAhead.add(storage.commit(writes));
        for (int i = 0; i < fresh.size(); i++) {
            PersistentObject object = fresh.get(i);
            codec.clear(object);
            object.$jodbSerial(0);
            adopt(object, writes.get(i).oid(), StateCodes.GHOST);
        }
    }

    void minimize() {
        markChangedInPlace(); // ghosting an object changed in place would drop the change
        cache.minimize(this::ghostify);
    }

    void createRoot(Object root) {
        beginIfNeeded();
        PersistentObject object = (PersistentObject) root;
        object.$jodbSerial(0);
        adopt(object, Storage.ROOT_OID, StateCodes.CHANGED);
        changed.add(object);
    }

    // ---- transactions ----------------------------------------------------------------------------

    /** Pins the revision to read: the newest, or for a read-only session its fixed one. */
    void beginIfNeeded() {
        if (snapshot != null) {
            return;
        }
        Snapshot next = isReadOnly() ? storage.openSnapshot(readOnlyRevision) : storage.openSnapshot();
        LongPredicate changedByOthers = null;
        if (next.revision() != lastRevision) {
            changedByOthers = invalidateChangedSince(lastRevision, next.revision());
        }
        snapshot = next;
        lastRevision = next.revision();
        if (changedByOthers != null) {
            LongPredicate changes = changedByOthers;
            notifyParticipants(participant -> participant.transactionBegins(changes));
        }
    }

    /**
     * Ghosts the cached objects other commits changed after {@code after}, up to {@code upTo};
     * returns which oids those commits wrote, for the participants.
     */
    private LongPredicate invalidateChangedSince(long after, long upTo) {
        List<RevisionChanges> log = storage.changesSince(after);
        if (log == null) {
            storedAhead.clear();
            for (PersistentObject object : cache.loadedObjects()) {
                if (object.$jodbState() != StateCodes.CHANGED) {
                    ghostify(object);
                }
            }
            return oid -> true;
        }
        Set<Long> byOthers = new HashSet<>();
        for (RevisionChanges changes : log) {
            if (changes.revision() > upTo) {
                break;
            }
            boolean reported = !participants.isEmpty() && changes.revision() != ownCommit
                    && !storedAhead.remove(changes.revision());
            for (long oid : changes.oids()) {
                if (reported) {
                    byOthers.add(oid);
                }
                PersistentObject object = cache.peek(oid);
                // An object whose loaded state is at least this revision (our own commit) is current;
                // a CHANGED one keeps its change, and its commit conflicts on the old serial.
                byte code = object == null ? StateCodes.GHOST : object.$jodbState();
                if (code != StateCodes.GHOST && code != StateCodes.CHANGED
                        && object.$jodbSerial() < changes.revision()) {
                    ghostify(object);
                }
            }
        }
        return byOthers::contains;
    }

    private void endTransaction() {
        if (snapshot != null && !isReadOnly()) { // a read-only session keeps its revision until closed
            snapshot.close();
            snapshot = null;
        }
        transactionNumber++;
        inPlace.clear();
        cache.resetAccessed();
        for (PersistentObject object : sticky) {
            byte code = object.$jodbState();
            if (code == StateCodes.STICKY || code == StateCodes.ACCESSED || code == StateCodes.UPTODATE) {
                object.$jodbState(StateCodes.STICKY_UNUSED);
            }
        }
        collectCache();
    }

    private void releaseReadOnlySnapshot() {
        if (isReadOnly() && snapshot != null) {
            snapshot.close();
            snapshot = null;
        }
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

    /** Marks CHANGED every object used in this transaction that was changed in place. */
    private void markChangedInPlace() {
        for (PersistentObject object : inPlace.changed()) {
            if (object.$jodbState() == StateCodes.CHANGED) {
                continue; // watched twice (reloaded within the transaction) and marked already
            }
            if (isReadOnly()) {
                throw new IllegalStateException("object " + Record.hex(object.$jodbOid()) + " ("
                        + object.getClass().getName() + ") was changed in place, but the connection is"
                        + " read-only, reading revision " + readOnlyRevision + " (opened with Database.openAt)");
            }
            object.$jodbState(StateCodes.CHANGED);
            changed.add(object);
        }
    }

    /**
     * Turns into ghosts the objects used in this transaction that were changed in place, so that
     * they reload their committed state; objects whose state a savepoint holds ({@code kept}) are
     * left to it.
     */
    private void revertChangedInPlace(Map<PersistentObject, EncodedState> kept) {
        for (PersistentObject object : inPlace.changed()) {
            if (kept == null || !kept.containsKey(object)) {
                ghostify(object);
            }
        }
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
            sticky.remove(object);
            object.$jodbManager(null);
            object.$jodbOid(0);
            object.$jodbState(StateCodes.TRANSIENT); // without a manager: transient again
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
            if (record != null && recordCache != null && database.cachesRecord(record)) {
                recordCache.put(oid, record, revision);
            }
        }
        if (record == null) {
            String what = forObject == null ? "" : " (" + forObject.getClass().getName() + ")";
            throw new JodbException("oid " + Record.hex(oid) + what + " does not exist at revision "
                    + snapshot.revision() + ": it was never committed or has been removed");
        }
        return record;
    }

    private void fill(PersistentObject object, Record record) {
        codec.decode(object, record.classId(), record.payload());
        object.$jodbSerial(record.serial());
        object.$jodbState(sticky.contains(object) ? StateCodes.STICKY : StateCodes.ACCESSED);
        cache.loaded(object, record.weight());
        inPlace.remember(object);
        inPlace.watch(object);
    }

    private void adopt(PersistentObject object, long oid, byte state) {
        object.$jodbOid(oid);
        object.$jodbManager(checkout);
        object.$jodbState(state);
        cache.put(object);
    }

    /** An object of this session's cache, handed out through the current checkout. */
    private PersistentObject claim(PersistentObject object) {
        if (object.$jodbManager() != checkout) {
            object.$jodbManager(checkout);
        }
        return object;
    }

    private void ghostify(PersistentObject object) {
        codec.clear(object);
        object.$jodbState(StateCodes.GHOST);
        object.$jodbSerial(0);
        cache.ghosted(object);
    }



    // ---- references, as the codec sees them --------------------------------------------------------

    @Override
    public long referenceTo(PersistentObject target) {
        StateManager owner = target.$jodbManager();
        if (owner instanceof Checkout && ((Checkout) owner).session() == this) {
            claim(target); // an object of this cache, last used through an earlier checkout
            return target.$jodbOid();
        }
        if (owner != null) {
            throw new JodbException("object " + Record.hex(target.$jodbOid()) + " ("
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
            return object;
        }
        return claim(object);
    }

    /**
     * One checkout's side of the object-state contract: the state manager of the objects used
     * through one {@link Connection}. Once that connection is closed its objects throw on use, except
     * on the thread that holds the connection the pool has since handed this session to: to it, they
     * are simply that connection's objects (the same instances, from the same warm cache), reached
     * through the fields of objects it already uses, so they move over to its checkout.
     */
    final class Checkout implements StateManager {
        private volatile boolean open = true;
        /** The thread that last used the connection; a connection may move between threads. */
        private volatile Thread holder = Thread.currentThread();

        boolean isOpen() {
            return open;
        }

        /** Records the calling thread as the connection's holder (cheap when it already is). */
        void heldBy(Thread thread) {
            if (holder != thread) {
                holder = thread;
            }
        }

        Session session() {
            return Session.this;
        }

        @Override
        public void beforeRead(PersistentObject object) {
            Checkout usable = usableFor(object, "load");
            if (usable != this) {
                usable.beforeRead(object);
                return;
            }
            beginIfNeeded();
            byte code = object.$jodbState();
            if (code == StateCodes.GHOST) {
                fill(object, loadRecord(object.$jodbOid(), object));
            } else if (code == StateCodes.UPTODATE) {
                object.$jodbState(StateCodes.ACCESSED);
                cache.accessed(object);
                inPlace.watch(object);
            } else if (code == StateCodes.STICKY_UNUSED) {
                object.$jodbState(StateCodes.STICKY);
                inPlace.watch(object);
            }
        }

        @Override
        public void beforeWrite(PersistentObject object) {
            Checkout usable = usableFor(object, "change");
            if (usable != this) {
                usable.beforeWrite(object);
                return;
            }
            if (isReadOnly()) {
                throw new IllegalStateException("cannot change object " + Record.hex(object.$jodbOid()) + " ("
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
            Checkout usable = usableFor(object, "deactivate");
            if (usable != this) {
                usable.deactivate(object);
                return;
            }
            byte code = object.$jodbState();
            if (code != StateCodes.UPTODATE && code != StateCodes.ACCESSED) {
                return;
            }
            if (inPlace.isChanged(object)) {
                object.$jodbState(StateCodes.CHANGED); // changed in place: keep it, to be written
                changed.add(object);
                // It joins a transaction, like a field write; beginning one never ghosts a CHANGED
                // object, so a commit of it by another transaction meanwhile makes this one conflict.
                beginIfNeeded();
                return;
            }
            ghostify(object);
        }

        @Override
        public void compareAtCommit(PersistentObject object) {
            Checkout usable = usableFor(object, "change");
            if (usable != this) {
                usable.compareAtCommit(object);
                return;
            }
            beforeRead(object); // begins the transaction; the object joins it
            inPlace.compareFromNow(object);
        }

        @Override
        public void invalidate(PersistentObject object) {
            Checkout usable = usableFor(object, "invalidate");
            if (usable != this) {
                usable.invalidate(object);
                return;
            }
            if (object.$jodbState() == StateCodes.CHANGED) {
                removeChanged(object);
                if (object.$jodbSerial() == 0) { // first stored in this transaction: no record yet
                    revert(object);
                    return;
                }
            }
            if (object.$jodbState() != StateCodes.GHOST) {
                ghostify(object);
            }
        }

        @Override
        public void setSticky(PersistentObject object, boolean pin) {
            Checkout usable = usableFor(object, pin ? "pin" : "unpin");
            if (usable != this) {
                usable.setSticky(object, pin);
                return;
            }
            if (pin) {
                sticky.add(object);
                beforeRead(object); // loads a ghost, begins the transaction
                byte code = object.$jodbState();
                if (code == StateCodes.ACCESSED || code == StateCodes.UPTODATE) {
                    object.$jodbState(StateCodes.STICKY);
                }
            } else if (sticky.remove(object)) {
                byte code = object.$jodbState();
                if (code == StateCodes.STICKY || code == StateCodes.STICKY_UNUSED) {
                    // UPTODATE, not ACCESSED: the next read then reports the use to the cache, which
                    // keeps its accessed-objects bookkeeping exact.
                    object.$jodbState(StateCodes.UPTODATE);
                }
            }
        }

        /**
         * The checkout that may act on {@code object} for the calling thread: this one while open,
         * else the session's current one if the calling thread holds it (the object then moves to it).
         */
        private Checkout usableFor(PersistentObject object, String action) {
            if (open) {
                return this;
            }
            Checkout current = checkout;
            if (current != this && current.open && current.holder == Thread.currentThread()) {
                object.$jodbManager(current);
                return current;
            }
            throw new IllegalStateException("cannot " + action + " object " + Record.hex(object.$jodbOid())
                    + " (" + object.getClass().getName() + "): its connection is closed");
        }
    }
}
