package org.jodb.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.bigarray.BigArray;
import org.jodb.bigarray.BigArrayHandle;
import org.jodb.bigarray.ElementType;
import org.jodb.bigfile.BigFile;
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
 * The commit of a one-element change to a committed {@link BigArray} of doubles (16 blocks of
 * 2 MiB, file storage, sync off), in each block format: the element is set at a random index, then
 * the connection commits. Before measuring, each block had one small change committed, so that
 * under {@code AUTO} (which stores a block written in full whole) every block has already been
 * turned chunked: the steady state of small changes. The teardown prints the storage's bytes
 * written per commit.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BlockCommitBenchmark {
    private static final int BLOCKS = 16;

    @Param({"WHOLE", "CHUNKED", "AUTO"})
    public BlockFormat format;

    private Path dir;
    private FileStorage storage;
    private Database db;
    private Connection connection;
    private BigArrayHandle array;
    private long n;
    private long commits;
    private long bytesBefore;
    private final SplittableRandom random = new SplittableRandom(5);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("jodb-block-commit-bench-");
        storage = FileStorage.open(dir.resolve("array.jodb"), FileStorageOptions.defaults().withSync(false));
        db = Database.open(storage);
        connection = db.open();
        n = (long) BLOCKS * BigFile.DEFAULT_BLOCK_SIZE / Double.BYTES;
        BigFile file = new BigFile(BigFile.DEFAULT_BLOCK_SIZE, BigFile.DEFAULT_CHUNK_SIZE, format);
        connection.root().put("array", new BigArray(file, ElementType.DOUBLE, n));
        connection.commit();
        array = ((BigArray) connection.root().get("array")).handle(connection);
        double[] piece = new double[1 << 17];
        for (long from = 0; from < n; from += piece.length) {
            for (int i = 0; i < piece.length; i++) {
                piece[i] = from + i + 0.5;
            }
            array.set(from, piece);
            connection.commit();
        }
        long perBlock = BigFile.DEFAULT_BLOCK_SIZE / Double.BYTES;
        for (long block = 0; block < BLOCKS; block++) {
            array.setDouble(block * perBlock + 7, -1);
            connection.commit();
        }
        bytesBefore = storage.stats().bytesWritten();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        long bytes = storage.stats().bytesWritten() - bytesBefore;
        System.out.printf("%n%s: %,d commits, %,d bytes written per commit%n", format, commits,
                commits == 0 ? 0 : bytes / commits);
        connection.close();
        db.close();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    public void commitOneElement() {
        array.setDouble(random.nextLong(n), random.nextDouble());
        connection.commit();
        commits++;
    }
}
