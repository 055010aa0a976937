package org.jodb.benchmarks;

import java.util.ArrayList;
import java.util.List;
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
 * enhanced hot path is one state-field read and one branch before the field read. Measured on one
 * object (latency of a single read) and over 1,000 objects (a loop summing a field, where the
 * extra state read shares the object's cache line).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FieldReadBenchmark {
    private Database db;
    private Connection connection;
    private static final int OBJECTS = 1_000;

    private BenchAccount persistent;
    private PlainAccount plain;
    private BenchAccount[] persistentObjects;
    private PlainAccount[] plainObjects;
    private PlainAccount[] scatteredPlainObjects;
    private final List<Object> garbage = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() {
        db = Database.inMemory();
        db.transact(c -> c.root().put("account", new BenchAccount("ada", 42)));
        connection = db.open();
        persistent = (BenchAccount) connection.root().get("account");
        persistent.balance(); // load it: the benchmark measures the loaded path
        plain = new PlainAccount("ada", 42);

        db.transact(c -> {
            for (int i = 0; i < OBJECTS; i++) {
                c.root().put("account-" + i, new BenchAccount("owner-" + i, i));
            }
        });
        connection.abort(); // see the new revision
        persistentObjects = new BenchAccount[OBJECTS];
        plainObjects = new PlainAccount[OBJECTS];
        for (int i = 0; i < OBJECTS; i++) {
            persistentObjects[i] = (BenchAccount) connection.root().get("account-" + i);
            persistentObjects[i].balance();
            plainObjects[i] = new PlainAccount("owner-" + i, i);
        }
        // Loaded persistent objects lie between the garbage of their loading; a fair plain baseline
        // is spread out the same way.
        scatteredPlainObjects = new PlainAccount[OBJECTS];
        for (int i = 0; i < OBJECTS; i++) {
            scatteredPlainObjects[i] = new PlainAccount("owner-" + i, i);
            garbage.add(new byte[600]);
        }
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

    @Benchmark
    public long persistentFieldSumOver1000() {
        long sum = 0;
        for (BenchAccount account : persistentObjects) {
            sum += account.balance();
        }
        return sum;
    }

    @Benchmark
    public long scatteredPlainFieldSumOver1000() {
        long sum = 0;
        for (PlainAccount account : scatteredPlainObjects) {
            sum += account.balance();
        }
        return sum;
    }

    @Benchmark
    public long plainFieldSumOver1000() {
        long sum = 0;
        for (PlainAccount account : plainObjects) {
            sum += account.balance();
        }
        return sum;
    }
}
