package org.jodb.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.bigarray.BigArray;
import org.jodb.bigarray.BigArrayHandle;
import org.jodb.bigarray.ElementType;
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
 * A {@link BigArray} of doubles against a raw {@link FileChannel} holding the same doubles
 * (little-endian), in the same run: sequential reads of every element into a {@code double[]} one
 * MiB at a time, sequential writes of every element (the array's committed, sync off; the file's
 * written, not forced), and reads of single random elements. The array's handle keeps all its
 * blocks loaded (budget twice the size): this is the warm case, the file's pages are in the OS
 * cache. A sequential operation is one pass over all {@code sizeMiB}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BigArrayBenchmark {
    private static final int PIECE = 1 << 17; // doubles per copy: 1 MiB

    @Param({"64"})
    public int sizeMiB;

    private Path dir;
    private Database db;
    private Connection connection;
    private BigArrayHandle array;
    private FileChannel raw;
    private long n;
    private final double[] doubles = new double[PIECE];
    private final ByteBuffer bytes = ByteBuffer.allocateDirect(PIECE * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer element = ByteBuffer.allocateDirect(Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final SplittableRandom random = new SplittableRandom(11);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        n = ((long) sizeMiB << 20) / Double.BYTES;
        dir = Files.createTempDirectory("jodb-bigarray-bench-");
        db = Database.open(FileStorage.open(dir.resolve("array.jodb"), FileStorageOptions.defaults().withSync(false)));
        connection = db.open();
        BigArray stored = new BigArray(ElementType.DOUBLE, n);
        connection.root().put("array", stored);
        connection.commit();
        stored.file().handle(connection).setBudgetBytes(2L * sizeMiB << 20);
        array = stored.handle(connection);
        raw = FileChannel.open(dir.resolve("raw.bin"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        for (int i = 0; i < PIECE; i++) {
            doubles[i] = i * 0.25;
        }
        writeArray();
        writeRaw();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        raw.close();
        connection.close();
        db.close();
        try (Stream<Path> files = Files.list(dir)) { // the two files and the storage's lock
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    public double readArray() {
        double sum = 0;
        for (long from = 0; from < n; from += PIECE) {
            array.get(from, doubles);
            sum += doubles[PIECE - 1];
        }
        return sum;
    }

    @Benchmark
    public double readRaw() throws IOException {
        double sum = 0;
        for (long from = 0; from < n; from += PIECE) {
            raw.read(bytes.clear(), from * Double.BYTES);
            bytes.flip().asDoubleBuffer().get(doubles);
            sum += doubles[PIECE - 1];
        }
        return sum;
    }

    @Benchmark
    public void writeArray() {
        for (long from = 0; from < n; from += PIECE) {
            array.set(from, doubles);
        }
        connection.commit();
    }

    @Benchmark
    public void writeRaw() throws IOException {
        for (long from = 0; from < n; from += PIECE) {
            bytes.clear().asDoubleBuffer().put(doubles);
            raw.write(bytes, from * Double.BYTES);
        }
    }

    @Benchmark
    public double randomElementArray() {
        return array.getDouble(random.nextLong(n));
    }

    @Benchmark
    public double randomElementRaw() throws IOException {
        raw.read(element.clear(), random.nextLong(n) * Double.BYTES);
        return element.getDouble(0);
    }
}
