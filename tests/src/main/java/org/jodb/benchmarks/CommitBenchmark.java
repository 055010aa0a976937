package org.jodb.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.collections.PersistentList;
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

/** A commit of {@code changed} modified objects on {@code MemoryStorage}: encode, conflict check, write. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CommitBenchmark {
    @Param({"1", "1000"})
    public int changed;

    private Database db;
    private Connection connection;
    private List<BenchAccount> accounts;

    @Setup(Level.Trial)
    public void setUp() {
        db = Database.inMemory();
        db.transact(c -> {
            PersistentList<BenchAccount> list = new PersistentList<>();
            for (int i = 0; i < changed; i++) {
                list.add(new BenchAccount("owner-" + i, i));
            }
            c.root().put("accounts", list);
        });
        connection = db.open();
        @SuppressWarnings("unchecked")
        List<BenchAccount> stored = (List<BenchAccount>) connection.root().get("accounts");
        accounts = new ArrayList<>(stored); // hold them strongly: the benchmark measures commits, not loads
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        connection.close();
        db.close();
    }

    @Benchmark
    public void commitChangedObjects() {
        for (BenchAccount account : accounts) {
            account.deposit(1);
        }
        connection.commit();
    }
}
