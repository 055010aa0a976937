package org.jodb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jodb.cache.CacheStats;
import org.jodb.cache.RecordCache;
import org.jodb.cache.SizeEstimator;
import org.jodb.collections.PersistentMap;
import org.jodb.serialization.TypeCatalog;
import org.jodb.storage.CompactionResult;
import org.jodb.storage.GcResult;
import org.jodb.storage.ObjectHistory;
import org.jodb.storage.Record;
import org.jodb.storage.RevisionInfo;
import org.jodb.storage.Storage;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.StorageRevisionLog;
import org.jodb.storage.memory.MemoryStorage;

/**
 * An object database over one {@link Storage}: hands out {@link Connection}s from a pool and runs
 * retrying transactions.
 *
 * <pre>{@code
 * try (Database db = Database.open(new MemoryStorage())) {
 *     db.transact(conn -> conn.root().put("alice", new Account("alice")));
 * }
 * }</pre>
 *
 * <p>Thread-safe: any number of threads may open connections concurrently; each connection is then
 * confined to one thread at a time. Closing the database closes every connection and the storage.
 */
public final class Database implements AutoCloseable {
    private final Storage storage;
    private final DatabaseOptions options;
    private final TypeCatalog typeCatalog;
    private final RecordCache<Record> recordCache;
    /** An explicit record cache budget keeps every record; an automatic one what the storage deems worth it. */
    private final boolean cachesEveryRecord;
    private final SizeEstimator sizeEstimator;
    /** Sessions of closed connections, caches warm, most recently used first. */
    private final Deque<Session> pool = new ArrayDeque<>();
    private final Set<Session> inUse = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean closed;

    private Database(Storage storage, DatabaseOptions options) {
        this(storage, options, options.calibrateSizes() ? SizeEstimator.calibrated() : SizeEstimator.uncalibrated());
    }

    /** A database with the given size estimator (tests use one whose measuring fails). */
    Database(Storage storage, DatabaseOptions options, SizeEstimator sizeEstimator) {
        this.storage = storage;
        this.options = options;
        this.typeCatalog = new TypeCatalog(storage, classLoader());
        long recordCacheBytes = recordCacheBytes(options, storage);
        this.recordCache = recordCacheBytes == 0 ? null
                : new RecordCache<>(recordCacheBytes, new StorageRevisionLog(storage), Record::serial,
                        RecordFootprint::heapBytes);
        this.cachesEveryRecord = options.recordCacheBytes() != DatabaseOptions.AUTOMATIC_RECORD_CACHE;
        this.sizeEstimator = sizeEstimator;
        createRootIfMissing();
    }

    /** Opens a database over {@code storage} with default options. */
    public static Database open(Storage storage) {
        return open(storage, DatabaseOptions.defaults());
    }

    /** Opens a database over {@code storage}; the database owns the storage and closes it. */
    public static Database open(Storage storage, DatabaseOptions options) {
        if (storage == null || options == null) {
            throw new NullPointerException(storage == null ? "storage" : "options");
        }
        return new Database(storage, options);
    }

    /** Opens or creates the embedded file storage at {@code path}, with default options. */
    public static Database open(Path path) {
        return open(path, DatabaseOptions.defaults());
    }

    /**
     * Opens or creates the embedded file storage at {@code path}; the database owns the storage and
     * closes it.
     */
    public static Database open(Path path, DatabaseOptions options) {
        if (path == null || options == null) {
            throw new NullPointerException(path == null ? "path" : "options");
        }
        FileStorage storage = FileStorage.open(path);
        try {
            return open(storage, options);
        } catch (RuntimeException | Error e) {
            storage.close();
            throw e;
        }
    }

    /** A database in memory, gone when closed: for tests and demos. */
    public static Database inMemory() {
        return open(new MemoryStorage());
    }

    /** A connection with its own object cache, reused from the pool when one is free. */
    public synchronized Connection open() {
        if (closed) {
            throw new IllegalStateException("database is closed");
        }
        Session session = pool.pollFirst();
        if (session == null) {
            session = new Session(this, -1);
        }
        inUse.add(session);
        return new Connection(this, session);
    }

    /**
     * A read-only connection on an older revision, for time travel: every read sees {@code revision}
     * for the connection's whole life (commits and aborts do not move it), and changing an object
     * throws {@link IllegalStateException}. The revision stays pinned until the connection is closed;
     * read-only connections are not pooled.
     *
     * @throws IllegalArgumentException if the storage no longer retains {@code revision} (see
     *                                  {@code FileStorageOptions.keepRevisions}) or it does not exist
     */
    public synchronized Connection openAt(long revision) {
        if (closed) {
            throw new IllegalStateException("database is closed");
        }
        Session session = new Session(this, revision);
        Connection connection = new Connection(this, session);
        session.beginIfNeeded(); // pins now, so an unretained revision fails here, not at first read
        inUse.add(session);
        return connection;
    }

    /**
     * The versions of one object that retained revisions can still read, newest first: each with the
     * revision that wrote it (its serial) and that revision's commit time if the storage still knows
     * it. Open one with {@link #openAt(long)}. Empty if no retained revision has the object.
     */
    public List<ObjectVersion> history(long oid) {
        List<ObjectVersion> versions = new ArrayList<>();
        for (RevisionInfo version : ObjectHistory.versions(storage, oid)) {
            versions.add(new ObjectVersion(version.revision(), version.committed()));
        }
        return versions;
    }

    /**
     * Runs {@code work} in a transaction on a fresh connection and commits it, retrying the whole
     * transaction when the commit loses a conflict, up to {@link DatabaseOptions#transactAttempts()}
     * times with a short randomized back-off. Any other exception aborts and propagates at once.
     *
     * @throws ConflictException if every attempt conflicted
     */
    public void transact(Consumer<Connection> work) {
        transactAndGet(connection -> {
            work.accept(connection);
            return null;
        });
    }

    /** Like {@link #transact(Consumer)}, returning the result of the attempt that committed. */
    public <T> T transactAndGet(Function<Connection, T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = open()) {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (ConflictException conflict) {
                if (attempt >= options.transactAttempts()) {
                    throw conflict;
                }
                backOff(attempt);
            }
        }
    }

    /** The settings this database was opened with. */
    public DatabaseOptions options() {
        return options;
    }

    /**
     * Counters of the connections' object caches (in use and pooled) and of the shared record
     * cache. Reading a connection's counters while another thread uses it gives approximate values.
     */
    public synchronized DatabaseStats stats() {
        CacheStats caches = CacheStats.empty();
        for (Session session : inUse) {
            caches = caches.plus(session.cache().stats());
        }
        for (Session session : pool) {
            caches = caches.plus(session.cache().stats());
        }
        return new DatabaseStats(inUse.size(), pool.size(), caches,
                recordCache == null ? 0 : recordCache.size(), recordCache == null ? 0 : recordCache.weightedBytes(),
                recordCache == null ? 0 : recordCache.hits(), recordCache == null ? 0 : recordCache.misses(),
                storage.lastRevision(), storage.stats());
    }

    /**
     * Removes every object that is no longer reachable from the root, in one or more new revisions,
     * without loading any class (it follows the reference lists stored with each record). Safe while
     * other transactions run: see {@link Storage#collectGarbage()}. Connections opened before still
     * read the removed objects in their current transaction.
     */
    public GcResult collectGarbage() {
        return storage.collectGarbage();
    }

    /**
     * Shrinks the storage file: moves live pages from its end into free pages and truncates it,
     * while readers keep working. Run it after {@link #collectGarbage()} to give the removed
     * objects' space back to the file system. Does nothing for an in-memory storage.
     */
    public CompactionResult compact() {
        return storage.compact();
    }

    /** The storage beneath this database. */
    public Storage storage() {
        return storage;
    }

    /** Closes every connection, then the storage. Closing twice is harmless. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (Session session : inUse) {
                session.checkIn();
            }
            inUse.clear();
            pool.clear();
        }
        storage.close();
    }

    // ---- package-private, used by Connection ------------------------------------------------------

    TypeCatalog typeCatalog() {
        return typeCatalog;
    }

    /** The shared record cache, or null when disabled. */
    RecordCache<Record> recordCache() {
        return recordCache;
    }

    /** Whether the record cache keeps {@code record}, just loaded from the storage. */
    boolean cachesRecord(Record record) {
        return cachesEveryRecord || storage.worthCaching(record);
    }

    SizeEstimator sizeEstimator() {
        return sizeEstimator;
    }

    /** Takes back the session of a closed connection (already checked in) into the pool. */
    synchronized void release(Session session) {
        if (!inUse.remove(session)) {
            return; // the database was closed meanwhile
        }
        if (!closed && !session.isReadOnly() && pool.size() < options.poolSize()) {
            pool.addFirst(session); // most recently used first: its cache is the warmest
        }
    }

    private void createRootIfMissing() {
        try (var snapshot = storage.openSnapshot()) {
            if (snapshot.load(Storage.ROOT_OID) != null) {
                return;
            }
        }
        try (Connection connection = open()) {
            connection.session().createRoot(new PersistentMap<String, Object>());
            connection.commit();
        }
    }

    /** The record cache's budget: as set, or for {@code AUTOMATIC_RECORD_CACHE} what the storage prefers. */
    private static long recordCacheBytes(DatabaseOptions options, Storage storage) {
        if (options.recordCacheBytes() != DatabaseOptions.AUTOMATIC_RECORD_CACHE) {
            return options.recordCacheBytes();
        }
        return storage.preferredRecordCacheBytes();
    }


    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Database.class.getClassLoader();
    }

    private static void backOff(int attempt) {
        long maxMicros = Math.min(100_000, 1_000L << Math.min(attempt, 7)); // 2 ms, 4 ms, ... 100 ms
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(maxMicros) * 1_000);
    }
}
