package org.jodb.benchmarks.lmdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jodb.storage.file.FileStorageOptions;

/**
 * jodb's file storage against LMDB (lmdbjava) in one run, printed side by side: the issue's
 * workload (1,000 x 200 B records, 10 rewritten per commit) under each {@link ReaderPlan}, with
 * sync on and, for the held reader, off; commits of 1 and 1,000 changed records; loading records
 * by key from a warm file. Run it with {@code mvn -B -Plmdb-compare -DskipTests verify} (arguments:
 * {@code -Dlmdb.args="COMMITS LOADS"}, default 40000 and 1000000). The full size writes about 9 GiB
 * of LMDB files under {@code java.io.tmpdir}, deleted afterwards. {@code -Dlmdb.args="loads LOADS"}
 * runs only the warm loads, in well under a minute.
 */
public final class LmdbComparison {
    private LmdbComparison() {
    }

    public static void main(String[] args) throws IOException {
        boolean loadsOnly = args.length > 0 && args[0].equals("loads");
        int commits = args.length > 0 && !loadsOnly ? Integer.parseInt(args[0]) : 40_000;
        int loads = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path dir = Files.createTempDirectory("jodb-lmdb-");
        try {
            if (loadsOnly) {
                System.out.printf("jodb FileStorage vs LMDB (lmdbjava), java %s%n", System.getProperty("java.version"));
                loads(dir, loads);
            } else {
                run(dir, commits, loads);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static void run(Path dir, int commits, int loads) {
        System.out.printf("jodb FileStorage vs LMDB (lmdbjava), java %s, %d commits%n",
                System.getProperty("java.version"), commits);
        int[] checkpoints = commits >= 40_000 ? new int[] {10_000, commits} : new int[] {commits / 4, commits};
        for (boolean sync : new boolean[] {true, false}) {
            List<UpdateResult> results = new ArrayList<>();
            List<ReaderPlan> plans = sync ? List.of(ReaderPlan.ONE_FROM_START, ReaderPlan.NONE, ReaderPlan.FOUR_SPACED,
                    ReaderPlan.ONE_ACROSS_RESTART) : List.of(ReaderPlan.ONE_FROM_START);
            for (ReaderPlan plan : plans) {
                results.add(update(jodb(dir, "update-" + plan + sync, sync, plan), plan, commits, checkpoints));
                if (plan != ReaderPlan.ONE_ACROSS_RESTART) {
                    results.add(update(new LmdbSubject(dir.resolve("update-" + plan + sync + ".mdb"), sync), plan,
                            commits, checkpoints));
                }
            }
            System.out.printf("%nUpdate workload, sync %s:%n", sync ? "on" : "off");
            UpdateTable.print(results, System.out);
        }

        System.out.printf("%nCommit latency by size, sync on (us, mean / p50 / p99; ratio = jodb mean / LMDB mean):%n");
        for (int[] sizeAndCount : new int[][] {{1, 4_000}, {1_000, 400}}) {
            int changed = sizeAndCount[0];
            Latencies jodb = measure(jodb(dir, "commit" + changed, true, ReaderPlan.NONE),
                    s -> CommitSizes.run(s, changed, sizeAndCount[1]));
            Latencies lmdb = measure(new LmdbSubject(dir.resolve("commit" + changed + ".mdb"), true),
                    s -> CommitSizes.run(s, changed, sizeAndCount[1]));
            System.out.printf("%5d changed: jodb %s | LMDB %s | ratio %.2f%n", changed, jodb.summary(),
                    lmdb.summary(), jodb.meanMicros() / lmdb.meanMicros());
        }

        loads(dir, loads);
    }

    private static void loads(Path dir, int loads) {
        double jodbLoad = measure(jodb(dir, "loads", true, ReaderPlan.NONE), s -> WarmLoads.run(s, loads));
        double lmdbLoad = measure(new LmdbSubject(dir.resolve("loads.mdb"), true), s -> WarmLoads.run(s, loads));
        System.out.printf("%nLoading %,d records by key from a warm file: jodb %.0f ns/load (%.2f s), LMDB %.0f ns/load"
                + " (%.2f s), ratio %.2f%n", loads, jodbLoad, jodbLoad * loads / 1e9, lmdbLoad, lmdbLoad * loads / 1e9,
                jodbLoad / lmdbLoad);
    }

    private static JodbSubject jodb(Path dir, String name, boolean sync, ReaderPlan plan) {
        FileStorageOptions options = FileStorageOptions.defaults().withSync(sync);
        if (plan == ReaderPlan.ONE_ACROSS_RESTART) {
            options = options.keepRevisions(2 * UpdateWorkload.REPIN_DISTANCE);
        }
        return new JodbSubject(dir.resolve(name + ".jodb"), options);
    }

    private static UpdateResult update(KeyValueSubject subject, ReaderPlan plan, int commits, int[] checkpoints) {
        return measure(subject, s -> UpdateWorkload.run(s, plan, commits, checkpoints));
    }

    /** Runs {@code work} on {@code subject}, then closes it: no two stores are open at once. */
    private static <T> T measure(KeyValueSubject subject, Function<KeyValueSubject, T> work) {
        try (subject) {
            return work.apply(subject);
        }
    }
}
