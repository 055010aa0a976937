package org.jodb.benchmarks.commit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Durable commits of {@code threads} committers at once, each changing one object of its own
 * (disjoint, so none conflicts) on its own connection, sync on: one operation is a round in which
 * every committer commits once; the {@code commits} counter is commits per second. With one sync
 * per group, the commits of a round share syncs instead of queueing behind one another's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GroupCommitBenchmark {
    private static final int ACCOUNTS_PER_THREAD = 1_000;

    @Param({"1", "2", "4", "8"})
    public int threads;

    private Path dir;
    private JodbAccounts db;
    private ExecutorService pool;
    private final List<Callable<Void>> round = new ArrayList<>();

    /** Commits per second, besides rounds per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Commits {
        public long commits;
    }

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("jodb-group-commit-");
        db = new JodbAccounts(dir.resolve("group.jodb"), true, threads * ACCOUNTS_PER_THREAD);
        pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            JodbAccounts.Session session = db.session(t * ACCOUNTS_PER_THREAD, (t + 1) * ACCOUNTS_PER_THREAD);
            round.add(() -> {
                session.commitOne();
                return null;
            });
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        pool.shutdown();
        db.close();
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Benchmark
    public void commitOnEveryThread(Commits counter) throws Exception {
        for (Future<Void> done : pool.invokeAll(round)) {
            done.get();
        }
        counter.commits += threads;
    }
}
