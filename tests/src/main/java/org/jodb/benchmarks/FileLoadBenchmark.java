package org.jodb.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jodb.storage.Record;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Snapshot;
import org.jodb.storage.Storage;
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
 * Loading one record by oid from a warm {@link FileStorage}, in a shuffled order over all
 * {@code records} records of {@code RECORD_BYTES} payload bytes (written in commits of 20,000, sync
 * off), through one snapshot, with a node cache of {@code nodeCacheMiB}. Setup reads every record
 * once, so the OS page cache and the storage's
 * node cache are as warm as they get; what remains is the cost of the tree walk, of node cache
 * misses (when the tree outgrows the cache) and of building the {@link Record}. The same workload
 * as the LMDB comparison's warm loads, without the comparison.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FileLoadBenchmark {
    private static final int BATCH = 20_000;
    private static final int RECORD_BYTES = 100;

    @Param({"1000000"})
    public int records;

    /** The node cache budget; -1 is the default ({@link FileStorageOptions#defaultNodeCacheBytes()}). */
    @Param({"-1"})
    public long nodeCacheMiB;

    private Path dir;
    private FileStorage storage;
    private Snapshot snapshot;
    private long[] order;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("jodb-load-bench-");
        FileStorageOptions options = FileStorageOptions.defaults().withSync(false);
        if (nodeCacheMiB >= 0) {
            options = options.withNodeCacheBytes(nodeCacheMiB << 20);
        }
        storage = FileStorage.open(dir.resolve("load.jodb"), options);
        int type = storage.typeId("benchmark-record");
        SplittableRandom random = new SplittableRandom(13);
        for (int from = 0; from < records; from += BATCH) {
            int count = Math.min(BATCH, records - from);
            List<RecordWrite> writes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] payload = new byte[RECORD_BYTES];
                random.nextBytes(payload);
                writes.add(new RecordWrite(storage.newOid(), 0, type, new long[0], payload));
            }
            storage.commit(writes);
        }
        order = new long[records];
        for (int i = 0; i < records; i++) {
            order[i] = Storage.FIRST_OID + i;
        }
        for (int i = records - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        snapshot = storage.openSnapshot();
        for (long oid : order) {
            snapshot.load(oid);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        snapshot.close();
        storage.close();
        Files.delete(dir.resolve("load.jodb"));
        Files.delete(dir);
    }

    @Benchmark
    public Record loadByOid() {
        long oid = order[next];
        next = next + 1 == order.length ? 0 : next + 1;
        return snapshot.load(oid);
    }
}
