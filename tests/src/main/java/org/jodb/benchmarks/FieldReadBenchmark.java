package org.jodb.benchmarks;

import java.util.concurrent.TimeUnit;
import org.jodb.Connection;
import org.jodb.Database;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Reading a field of a loaded persistent object against the same read on a plain object: the
 * enhanced hot path is one state-field read and one branch before the field read.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FieldReadBenchmark {
    private Database db;
    private Connection connection;
    private BenchAccount persistent;
    private PlainAccount plain;

    @Setup(Level.Trial)
    public void setUp() {
        db = Database.inMemory();
        db.transact(c -> c.root().put("account", new BenchAccount("ada", 42)));
        connection = db.open();
        persistent = (BenchAccount) connection.root().get("account");
        persistent.balance(); // load it: the benchmark measures the loaded path
        plain = new PlainAccount("ada", 42);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        connection.close();
        db.close();
    }

    @Benchmark
    public long persistentFieldRead() {
        return persistent.balance();
    }

    @Benchmark
    public long plainFieldRead() {
        return plain.balance();
    }
}
