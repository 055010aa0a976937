package org.jodb.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.Persistence;
import org.jodb.cache.ObjectCache;
import org.jodb.cache.PersistentObject;
import org.jodb.collections.PersistentList;
import org.jodb.storage.memory.MemoryStorage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The object cache's hot paths: activating an already loaded object, a hit by oid (against a
 * {@code HashMap<Long, Object>} lookup over the same keys, pre-boxed so the map pays no boxing),
 * and loading a ghost through the shared record cache (against loading it from the storage).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CacheBenchmark {
    static final int OBJECTS = 10_000;

    @Param({"true", "false"})
    public boolean recordCache;

    private Database db;
    private Connection connection;
    private ObjectCache cache;
    private long[] oids;
    private Long[] boxedOids;
    private Map<Long, Object> hashMap;
    private PersistentObject[] objects;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        DatabaseOptions options = DatabaseOptions.defaults().withCacheTargetCount(2 * OBJECTS)
                .withRecordCacheBytes(recordCache ? 64L << 20 : 0);
        db = Database.open(new MemoryStorage(), options);
        db.transact(c -> {
            PersistentList<BenchAccount> list = new PersistentList<>();
            for (int i = 0; i < OBJECTS; i++) {
                list.add(new BenchAccount("owner" + i, i));
            }
            c.root().put("accounts", list);
        });
        connection = db.open();
        cache = connection.objectCache();
        @SuppressWarnings("unchecked")
        PersistentList<BenchAccount> list = (PersistentList<BenchAccount>) connection.root().get("accounts");
        oids = new long[OBJECTS];
        boxedOids = new Long[OBJECTS];
        objects = new PersistentObject[OBJECTS];
        hashMap = new HashMap<>();
        for (int i = 0; i < OBJECTS; i++) {
            BenchAccount account = list.get(i);
            account.balance();
            objects[i] = (PersistentObject) account;
            oids[i] = Persistence.oid(account);
            boxedOids[i] = oids[i];
            hashMap.put(boxedOids[i], account);
        }
        for (PersistentObject object : objects) {
            object.jodbDeactivate();
            object.jodbActivate();   // warms the record cache
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        connection.close();
        db.close();
    }

    private int nextIndex() {
        int i = next + 1;
        next = i == OBJECTS ? 0 : i;
        return next;
    }

    /** The hot path: an already loaded object asked to activate (one state read, one branch). */
    @Benchmark
    public PersistentObject activateLoaded() {
        PersistentObject object = objects[nextIndex()];
        object.jodbActivate();
        return object;
    }

    /** The identity map lookup by oid, hitting. */
    @Benchmark
    public PersistentObject cacheHitByOid() {
        return cache.get(oids[nextIndex()]);
    }

    /** The same lookup through the public API. */
    @Benchmark
    public Object connectionGetHit() {
        return connection.get(oids[nextIndex()]);
    }

    /** The baseline: a HashMap lookup by a pre-boxed Long. */
    @Benchmark
    public Object hashMapGet() {
        return hashMap.get(boxedOids[nextIndex()]);
    }

    /** Ghost -> loaded: from the record cache when enabled, else from the storage. */
    @Benchmark
    public PersistentObject loadGhost() {
        PersistentObject object = objects[nextIndex()];
        object.jodbDeactivate();
        object.jodbActivate();
        return object;
    }
}
