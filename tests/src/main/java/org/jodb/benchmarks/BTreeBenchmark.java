package org.jodb.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.LongDataType;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.btree.LongBTree;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A sorted map of {@value #ENTRIES} random {@code long} keys (seeded) to small values (a
 * {@link Long}, the same for every peer), three ways: jodb's {@link LongBTree} on the file storage
 * (default capacities 120/500), {@code java.util.TreeMap} in memory, and H2's MVStore
 * {@link MVMap} on disk ({@link LongDataType} keys and values, its default cache). Results are
 * operations (entries) per second.
 *
 * <ul>
 *   <li>{@link #get}: a lookup of a present key, keys in a fixed random order. The jodb tree and
 *       the MVStore map are built in commits of {@value #BUILD_BATCH}, closed, reopened and read
 *       through once and looked up once by every key, so jodb's connection holds every bucket and
 *       node loaded (its cache target is set above their number, printed at setup) and MVStore's cache holds what fits.
 *   <li>{@link #put}: {@value #BATCH} inserts of new random keys and one commit (one jodb
 *       transaction, one {@code MVStore.commit()}; TreeMap just puts), reported per put. The maps
 *       grow during the run (their final size is printed at teardown).
 *   <li>{@link #scan}: one ordered iteration over all entries, reported per entry: the entry set
 *       for jodb and TreeMap, a {@link Cursor} for MVStore.
 * </ul>
 *
 * <p>Neither store forces its commits to the disk: jodb's file storage runs with sync off, and
 * {@code MVStore.commit()} writes without forcing; MVStore's background auto-commit is disabled so
 * that the benchmark's commits are its only ones. Keys are unboxed for jodb ({@code get(long)},
 * {@code put(long, V)}), pre-boxed for the others in {@code get}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BTreeBenchmark {
    public static final int ENTRIES = 1_000_000;
    static final int BATCH = 1_000;
    static final int BUILD_BATCH = 50_000;
    /** Room in jodb's object cache for every bucket and node, also those the put benchmark adds. */
    static final int CACHE_OBJECTS = 4_000_000;

    @Param({"jodbLongBTree", "treeMap", "mvStore"})
    public String peer;

    /** {@link #peer} as {@link #JODB}, {@link #TREE_MAP} or {@link #MV_STORE}: no string switch in the measured code. */
    private int kind;
    private static final int JODB = 0;
    private static final int TREE_MAP = 1;
    private static final int MV_STORE = 2;
    private long[] lookupKeys;
    private Long[] boxedLookupKeys;
    private int next;
    private SplittableRandom newKeys;

    private Path dir;
    private FileStorage storage;
    private Database db;
    private Connection connection;
    private LongBTree<Long> tree;
    private TreeMap<Long, Long> treeMap;
    private MVStore store;
    private MVMap<Long, Long> mvMap;

    /** The value stored with {@code key}: a small object, distinct per entry, the same for all peers. */
    public static Long valueOf(long key) {
        return key >>> 20;
    }

    /** The {@value #ENTRIES} keys, in the order they are inserted (random). */
    public static long[] keys() {
        SplittableRandom random = new SplittableRandom(20261201);
        long[] keys = new long[ENTRIES];
        for (int i = 0; i < ENTRIES; i++) {
            keys[i] = random.nextLong();
        }
        return keys;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        long[] keys = keys();
        lookupKeys = keys.clone();
        SplittableRandom shuffle = new SplittableRandom(7);
        for (int i = ENTRIES - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            long swap = lookupKeys[i];
            lookupKeys[i] = lookupKeys[j];
            lookupKeys[j] = swap;
        }
        boxedLookupKeys = new Long[ENTRIES];
        for (int i = 0; i < ENTRIES; i++) {
            boxedLookupKeys[i] = lookupKeys[i];
        }
        newKeys = new SplittableRandom(99);
        switch (peer) {
            case "jodbLongBTree" -> {
                kind = JODB;
                setUpJodb(keys);
            }
            case "treeMap" -> {
                kind = TREE_MAP;
                treeMap = new TreeMap<>();
                for (long key : keys) {
                    treeMap.put(key, valueOf(key));
                }
            }
            case "mvStore" -> {
                kind = MV_STORE;
                setUpMvStore(keys);
            }
            default -> throw new IllegalArgumentException(peer);
        }
        long checksum = scanAll(); // loads every jodb bucket (along the links between buckets)
        for (int i = 0; i < ENTRIES; i++) {
            checksum += get(); // and every internal node
        }
        System.out.printf("%n[btree-bench] %s: %,d entries, checksum %d%s%n", peer, size(), checksum,
                connection == null ? "" : ", jodb cache: " + connection.cacheStats());
    }

    private void setUpJodb(long[] keys) throws IOException {
        dir = Files.createTempDirectory("jodb-btree-bench-");
        openJodb();
        connection = db.open();
        LongBTree<Long> building = new LongBTree<>();
        connection.root().put("tree", building);
        for (int i = 0; i < ENTRIES; i++) {
            building.put(keys[i], valueOf(keys[i]));
            if ((i + 1) % BUILD_BATCH == 0) {
                connection.commit();
            }
        }
        connection.commit();
        connection.close();
        db.close();
        storage.close();
        openJodb(); // from the file: the new connection loads every part in the warming scan
        connection = db.open();
        @SuppressWarnings("unchecked")
        LongBTree<Long> loaded = (LongBTree<Long>) connection.root().get("tree");
        tree = loaded;
    }

    private void openJodb() {
        storage = FileStorage.open(dir.resolve("btree.jodb"), FileStorageOptions.defaults().withSync(false));
        db = Database.open(storage, DatabaseOptions.defaults().withCacheTargetCount(CACHE_OBJECTS)
                .withCacheTargetBytes(1L << 40));
    }

    private void setUpMvStore(long[] keys) throws IOException {
        dir = Files.createTempDirectory("mvstore-btree-bench-");
        openMvStore();
        for (int i = 0; i < ENTRIES; i++) {
            mvMap.put(keys[i], valueOf(keys[i]));
            if ((i + 1) % BUILD_BATCH == 0) {
                store.commit();
            }
        }
        store.commit();
        store.close();
        openMvStore(); // from the file, like jodb
    }

    private void openMvStore() {
        store = new MVStore.Builder().fileName(dir.resolve("btree.mv.db").toString()).autoCommitDisabled().open();
        mvMap = store.openMap("tree", new MVMap.Builder<Long, Long>().keyType(LongDataType.INSTANCE)
                .valueType(LongDataType.INSTANCE));
    }

    private long size() {
        return switch (kind) {
            case JODB -> tree.longSize();
            case TREE_MAP -> treeMap.size();
            default -> mvMap.sizeAsLong();
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        System.out.printf("%n[btree-bench] %s: %,d entries at the end%s%n", peer, size(),
                connection == null ? "" : ", jodb cache: " + connection.cacheStats());
        if (connection != null) {
            connection.close();
            db.close();
            storage.close();
        }
        if (store != null) {
            store.close();
        }
        if (dir != null) {
            BenchDirectory.delete(dir);
        }
    }

    private int nextIndex() {
        int i = next + 1;
        next = i == ENTRIES ? 0 : i;
        return next;
    }

    /** A lookup of a present key. */
    @Benchmark
    public Long get() {
        int i = nextIndex();
        return switch (kind) {
            case JODB -> tree.get(lookupKeys[i]);
            case TREE_MAP -> treeMap.get(boxedLookupKeys[i]);
            default -> mvMap.get(boxedLookupKeys[i]);
        };
    }

    /** {@value #BATCH} inserts of new random keys, then one commit; per put. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Long put() {
        Long previous = null;
        switch (kind) {
            case JODB -> {
                for (int i = 0; i < BATCH; i++) {
                    long key = newKeys.nextLong();
                    previous = tree.put(key, valueOf(key));
                }
                connection.commit();
            }
            case TREE_MAP -> {
                for (int i = 0; i < BATCH; i++) {
                    long key = newKeys.nextLong();
                    previous = treeMap.put(key, valueOf(key));
                }
            }
            default -> {
                for (int i = 0; i < BATCH; i++) {
                    long key = newKeys.nextLong();
                    previous = mvMap.put(key, valueOf(key));
                }
                store.commit();
            }
        }
        return previous;
    }

    /** One ordered pass over all {@value #ENTRIES} entries; per entry. */
    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public long scan() {
        return scanAll();
    }

    private long scanAll() {
        long sum = 0;
        switch (kind) {
            case JODB -> {
                for (Map.Entry<Long, Long> entry : tree.entrySet()) {
                    sum += entry.getKey() ^ entry.getValue();
                }
            }
            case TREE_MAP -> {
                for (Map.Entry<Long, Long> entry : treeMap.entrySet()) {
                    sum += entry.getKey() ^ entry.getValue();
                }
            }
            default -> {
                Cursor<Long, Long> cursor = mvMap.cursor(null);
                while (cursor.hasNext()) {
                    long key = cursor.next();
                    sum += key ^ cursor.getValue();
                }
            }
        }
        return sum;
    }
}
