package org.jodb.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.bigfile.BigFile;
import org.jodb.bigfile.BigFileHandle;
import org.jodb.bigfile.BlockFormat;
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
 * Reading one random full 2 MiB block of a {@link BigFile} through a handle that keeps no block
 * loaded (budget 0), from a warm file storage (sync off) with the record cache on or off, for
 * blocks stored whole (3 records per block read, with the block tree's) and chunked (522: 512
 * chunks of 4 KiB and the chunk tree's nodes). wendelin.core's block-format benchmark compares the
 * same random block reads; which format AUTO ends up with depends on the workload
 * ({@code FormatWorkloadTest}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BigFileReadBenchmark {
    private static final int BLOCKS = 16;

    @Param({"WHOLE", "CHUNKED"})
    public BlockFormat format;

    /** The shared record cache's budget in MiB; 0 turns it off, so every record comes from the file. */
    @Param({"0", "64"})
    public long recordCacheMiB;

    private Path dir;
    private Database db;
    private Connection connection;
    private BigFileHandle handle;
    private final ByteBuffer buffer = ByteBuffer.allocate(BigFile.DEFAULT_BLOCK_SIZE);
    private final SplittableRandom random = new SplittableRandom(17);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("jodb-bigfile-bench-");
        FileStorage storage = FileStorage.open(dir.resolve("big.jodb"), FileStorageOptions.defaults().withSync(false));
        db = Database.open(storage, DatabaseOptions.defaults().withRecordCacheBytes(recordCacheMiB << 20));
        connection = db.open();
        BigFile file = new BigFile(BigFile.DEFAULT_BLOCK_SIZE, BigFile.DEFAULT_CHUNK_SIZE, format);
        connection.root().put("file", file);
        connection.commit();
        handle = file.handle(connection);
        byte[] bytes = new byte[BLOCKS * BigFile.DEFAULT_BLOCK_SIZE];
        new SplittableRandom(3).nextBytes(bytes);
        handle.write(0, ByteBuffer.wrap(bytes));
        connection.commit();
        handle.setBudgetBytes(0);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        connection.close();
        db.close();
        try (Stream<Path> files = Files.list(dir)) { // the storage file and its lock: no subdirectories
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    public int randomBlock() {
        long block = random.nextInt(BLOCKS);
        return handle.read(block * BigFile.DEFAULT_BLOCK_SIZE, buffer.clear());
    }
}
