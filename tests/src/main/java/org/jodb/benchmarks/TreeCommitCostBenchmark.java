package org.jodb.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.btree.ObjectBTree;
import org.jodb.collections.PersistentMap;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;
import org.jodb.storage.file.FileStorageStats;
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
 * What one commit that adds one entry to a large collection costs as the collection grows: an
 * {@link ObjectBTree} of {@code String} keys (random, so inserts land in random buckets) at 1,000,
 * 100,000 and 1,000,000 entries, against a {@link PersistentMap} (one record) at 1,000 and 20,000.
 * Each benchmark operation is one transaction that puts one new entry and commits, on the file
 * storage with sync off (so the figure is the work, not the disk's fsync). Besides the time, each
 * iteration prints the bytes the storage wrote per commit ({@link FileStorageStats#bytesWritten}),
 * which is what stays flat or grows with the collection.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TreeCommitCostBenchmark {
    private static final int BUILD_BATCH = 20_000;

    /** The collection and its size before the run, as {@code kind-entries}. */
    @Param({"objectBTree-1000", "objectBTree-100000", "objectBTree-1000000", "persistentMap-1000",
            "persistentMap-20000"})
    public String subject;

    private Path dir;
    private FileStorage storage;
    private Database db;
    private Connection conn;
    private Map<String, String> collection;
    private final SplittableRandom keys = new SplittableRandom(7);
    private long bytesBefore;
    private long commits;

    @Setup(Level.Trial)
    public void build() throws IOException {
        String[] parts = subject.split("-");
        int entries = Integer.parseInt(parts[1]);
        dir = Files.createTempDirectory("jodb-tree-commit");
        storage = FileStorage.open(dir.resolve("commit-cost.jodb"), FileStorageOptions.defaults().withSync(false));
        db = Database.open(storage);
        conn = db.open();
        collection = parts[0].equals("objectBTree") ? new ObjectBTree<>() : new PersistentMap<>();
        conn.root().put("collection", collection);
        for (int i = 0; i < entries; i++) {
            collection.put(newKey(), "value");
            if ((i + 1) % BUILD_BATCH == 0) {
                conn.commit();
            }
        }
        conn.commit();
        System.out.printf("%n[tree-commit] %s built: %,d entries, file %,d bytes%n", subject, collection.size(),
                Files.size(dir.resolve("commit-cost.jodb")));
    }

    @Setup(Level.Iteration)
    public void count() {
        bytesBefore = storage.stats().bytesWritten();
        commits = 0;
    }

    @Benchmark
    public void addOneEntryAndCommit() {
        collection.put(newKey(), "value");
        conn.commit();
        commits++;
    }

    @TearDown(Level.Iteration)
    public void report() {
        long written = storage.stats().bytesWritten() - bytesBefore;
        System.out.printf("%n[tree-commit] %s: %,d bytes written per commit over %,d commits%n", subject,
                commits == 0 ? 0 : written / commits, commits);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        conn.close();
        db.close();
        BenchDirectory.delete(dir);
    }

    private String newKey() {
        return String.format("customer-%012d", keys.nextLong(1_000_000_000_000L));
    }
}
