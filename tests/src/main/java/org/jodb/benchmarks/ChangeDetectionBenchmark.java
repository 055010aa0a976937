package org.jodb.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.collections.PersistentList;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;
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
 * The cost of change detection at commit (issue 8): one transaction on the embedded file storage
 * that reads all {@value #OBJECTS} objects, each holding a mutable value of 10 elements (so each
 * is a candidate for detection), changes one object's plain field and commits; with
 * {@code detection} on, the commit also finds the objects read that were changed in place. The
 * objects stay loaded in the connection's cache across operations, so the operations measure
 * reads and commits, not loads. {@code readAllChangeOneAndCommit} measures the whole transaction,
 * {@code commitAfterReadingAll} its commit alone (the reads and the change run in a per-invocation
 * setup, which is fine at these millisecond scales). {@code sync} is the file storage's fsync at
 * commit (on by default): without it the rows show the CPU cost alone, with it what a default
 * commit costs (the fsync's time varies widely on a shared VM).
 *
 * <p>{@code subject} is what the objects hold and where they come from: {@code loadedList} and
 * {@code loadedMap}, a {@code List<Integer>} or {@code Map<String, Integer>} loaded from the file
 * (decoded as tracked collections: nothing is compared at commit); {@code createdList}, the same
 * list in objects this connection created and committed (plain {@code ArrayList}s: each object's
 * digest is compared at commit, which is what every object cost before tracked collections);
 * {@code loadedArray}, an {@code int[]} loaded from the file (arrays are always compared). The
 * overhead per object read is the difference between the two {@code detection} rows of one
 * {@code subject} and {@code sync} divided by {@value #OBJECTS}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChangeDetectionBenchmark {
    static final int OBJECTS = 10_000;

    /** Reads all objects, changes one plain field, commits. */
    @Benchmark
    public long readAllChangeOneAndCommit(Workload workload) {
        long sum = workload.readAll();
        workload.changeOne();
        workload.connection.commit();
        return sum;
    }

    /** The commit alone, of a transaction that read all objects and changed one plain field. */
    @Benchmark
    public void commitAfterReadingAll(ReadAllAndChangeOne transaction) {
        transaction.connection.commit();
    }

    /** {@value #OBJECTS} objects on the file storage, loaded and held by one connection. */
    @State(Scope.Thread)
    public static class Workload {
        @Param({"true", "false"})
        public boolean detection;

        @Param({"false", "true"})
        public boolean sync;

        @Param({"loadedList", "createdList", "loadedMap", "loadedArray"})
        public String subject;

        private Path directory;
        private Database db;
        Connection connection;
        private BenchItem[] items;
        private int next;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            directory = Files.createTempDirectory("jodb-detection-bench");
            BenchItem.Holding holding = subject.endsWith("Map") ? BenchItem.Holding.MAP
                    : subject.endsWith("Array") ? BenchItem.Holding.ARRAY : BenchItem.Holding.LIST;
            db = open();
            if (subject.startsWith("loaded")) {
                db.transact(c -> c.root().put("items", newItems(holding)));
                db.close();
                db = open(); // a new cache: the objects are loaded from the file
                connection = db.open();
            } else {
                connection = db.open();
                connection.root().put("items", newItems(holding));
                connection.commit(); // the objects stay in this connection's cache as created
            }
            @SuppressWarnings("unchecked")
            PersistentList<BenchItem> list = (PersistentList<BenchItem>) connection.root().get("items");
            items = list.toArray(new BenchItem[0]); // hold them strongly: the benchmark measures commits, not loads
            readAll();
            connection.commit();
        }

        private Database open() {
            DatabaseOptions options = DatabaseOptions.defaults().withChangeDetection(detection)
                    .withCacheTargetCount(2 * OBJECTS).withCacheTargetBytes(1L << 40);
            return Database.open(FileStorage.open(directory.resolve("bench.jodb"),
                    FileStorageOptions.defaults().withSync(sync)), options);
        }

        private static PersistentList<BenchItem> newItems(BenchItem.Holding holding) {
            PersistentList<BenchItem> list = new PersistentList<>();
            for (int i = 0; i < OBJECTS; i++) {
                list.add(new BenchItem(i, holding));
            }
            return list;
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            connection.close();
            db.close();
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(Workload::delete);
            }
        }

        long readAll() {
            long sum = 0;
            for (BenchItem item : items) {
                sum += item.value() + item.size();
            }
            return sum;
        }

        void changeOne() {
            items[next].increment();
            next = next + 1 == OBJECTS ? 0 : next + 1;
        }

        private static void delete(Path path) {
            try {
                Files.delete(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The workload, where the rest of the transaction runs before each commit measured alone. */
    @State(Scope.Thread)
    public static class ReadAllAndChangeOne extends Workload {
        long sum;

        @Setup(Level.Invocation)
        public void readAllAndChangeOne() {
            sum = readAll();
            changeOne();
        }
    }
}
