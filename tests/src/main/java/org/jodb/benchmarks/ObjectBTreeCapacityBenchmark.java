package org.jodb.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.btree.ObjectBTree;
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
 * Chooses {@link ObjectBTree}'s default bucket capacity: an {@code ObjectBTree<String, Long>} of
 * {@value #ENTRIES} random 25-character {@code String} keys on the file storage (sync off), for
 * several bucket capacities (nodes of {@value #NODE_CAPACITY}). Results are operations (entries)
 * per second.
 * <ul>
 *   <li>{@link #get}: a lookup of a present key, every part loaded;</li>
 *   <li>{@link #coldGet}: {@value #COLD_GETS} lookups right after {@code minimize()} ghosted the
 *       whole tree, so each loads its path from the (warm) record cache: the decoding cost, which
 *       grows with the bucket;</li>
 *   <li>{@link #put}: {@value #BATCH} inserts of new random keys and one commit, per put: each
 *       changed bucket's whole record is written, which grows with the bucket;</li>
 *   <li>{@link #scan}: one ordered pass over the entries, per entry.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ObjectBTreeCapacityBenchmark {
    static final int ENTRIES = 200_000;
    static final int NODE_CAPACITY = 250;
    static final int BATCH = 1_000;
    static final int COLD_GETS = 100;

    @Param({"15", "30", "60", "120"})
    public int bucketCapacity;

    private String[] lookupKeys;
    private int next;
    private SplittableRandom newKeys;
    private Path dir;
    private FileStorage storage;
    private Database db;
    private Connection connection;
    private ObjectBTree<String, Long> tree;

    /** A key like the name of a customer record: a prefix and 16 hex digits. */
    static String key(SplittableRandom random) {
        return String.format("customer:%016x", random.nextLong());
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        SplittableRandom random = new SplittableRandom(20261202);
        lookupKeys = new String[ENTRIES];
        for (int i = 0; i < ENTRIES; i++) {
            lookupKeys[i] = key(random);
        }
        newKeys = new SplittableRandom(99);
        dir = Files.createTempDirectory("jodb-object-btree-bench-");
        open();
        connection = db.open();
        ObjectBTree<String, Long> building = new ObjectBTree<>(null, bucketCapacity, NODE_CAPACITY);
        connection.root().put("tree", building);
        for (int i = 0; i < ENTRIES; i++) {
            building.put(lookupKeys[i], (long) i);
            if ((i + 1) % 50_000 == 0) {
                connection.commit();
            }
        }
        connection.commit();
        connection.close();
        db.close();
        storage.close();
        open();
        connection = db.open();
        @SuppressWarnings("unchecked")
        ObjectBTree<String, Long> loaded = (ObjectBTree<String, Long>) connection.root().get("tree");
        tree = loaded;
        long checksum = scan();
        for (int i = 0; i < ENTRIES; i++) {
            checksum += get();
        }
        System.out.printf("%n[object-btree-capacity] bucket %d: %,d entries, checksum %d, file %,d bytes%n",
                bucketCapacity, tree.longSize(), checksum, Files.size(dir.resolve("tree.jodb")));
    }

    private void open() {
        storage = FileStorage.open(dir.resolve("tree.jodb"), FileStorageOptions.defaults().withSync(false));
        db = Database.open(storage, DatabaseOptions.defaults().withCacheTargetCount(1_000_000)
                .withCacheTargetBytes(1L << 40));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        connection.close();
        db.close();
        storage.close();
        BenchDirectory.delete(dir);
    }

    private String nextKey() {
        int i = next + 1;
        next = i == ENTRIES ? 0 : i;
        return lookupKeys[next];
    }

    /** A lookup of a present key in the loaded tree. */
    @Benchmark
    public Long get() {
        return tree.get(nextKey());
    }

    /** {@value #COLD_GETS} lookups after the whole tree was ghosted; per lookup. */
    @Benchmark
    @OperationsPerInvocation(COLD_GETS)
    public long coldGet() {
        connection.minimize();
        long sum = 0;
        for (int i = 0; i < COLD_GETS; i++) {
            sum += tree.get(nextKey());
        }
        return sum;
    }

    /** {@value #BATCH} inserts of new random keys, then one commit; per put. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Long put() {
        Long previous = null;
        for (int i = 0; i < BATCH; i++) {
            previous = tree.put(key(newKeys), 0L);
        }
        connection.commit();
        return previous;
    }

    /** One ordered pass over all entries; per entry (the tree grows while {@link #put} runs, not here). */
    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public long scan() {
        long sum = 0;
        for (Map.Entry<String, Long> entry : tree.entrySet()) {
            sum += entry.getKey().length() + entry.getValue();
        }
        return sum;
    }
}
