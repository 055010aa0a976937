package org.jodb.benchmarks.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Bulk store and cold load of {@code N} small objects (a string, a long, a reference to the object
 * made before it) held in one array, jodb and EclipseStore side by side in one process, as a new user of either would
 * write it: every object in one transaction ({@code commit()} / {@code storeRoot()}), then a new
 * database or storage manager on the same directory that reaches every object once. Each round
 * uses fresh directories; the first round includes the JIT warming up, so the medians are taken
 * over the later rounds when there are more than two. Both read files the OS has cached (the
 * storage's own caches start empty): this measures the stores' work, not the disk's.
 *
 * <p>Not a JMH benchmark: a store of a million objects into a new file happens once per file.
 * Run it with {@code mvn -B -Pbulk -DskipTests verify -pl tests -am [-Dbulk.args="N ROUNDS"]}.
 */
public final class BulkComparison {
    private BulkComparison() {
    }

    public static void main(String[] args) throws IOException {
        int objects = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<BulkSubject> subjects = List.of(new JodbBulkSubject(), new EclipseStoreBulkSubject());
        double[][] store = new double[subjects.size()][rounds];
        double[][] load = new double[subjects.size()][rounds];
        System.out.printf("%,d objects (String, long, reference), %d rounds, %s %s%n", objects, rounds,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        for (int round = 0; round < rounds; round++) {
            for (int s = 0; s < subjects.size(); s++) {
                BulkSubject subject = subjects.get(s);
                Path dir = Files.createTempDirectory("jodb-bulk-" + subject.name());
                try {
                    System.gc();
                    store[s][round] = objects / seconds(subject.store(dir, objects));
                    System.gc();
                    load[s][round] = objects / seconds(subject.loadAll(dir, objects));
                } finally {
                    delete(dir);
                }
                System.out.printf("round %d  %-12s store %,10.0f obj/s   reopen and load %,10.0f obj/s%n", round + 1,
                        subject.name(), store[s][round], load[s][round]);
            }
        }
        int from = rounds > 2 ? 1 : 0;
        System.out.printf("%nmedian of rounds %d-%d (obj/s)%n", from + 1, rounds);
        System.out.printf("%-14s %14s %18s%n", "", "bulk store", "reopen and load");
        for (int s = 0; s < subjects.size(); s++) {
            System.out.printf("%-14s %,14.0f %,18.0f%n", subjects.get(s).name(), median(store[s], from),
                    median(load[s], from));
        }
        System.out.printf("%-14s %13.2fx %17.2fx%n", "jodb / " + subjects.get(1).name(),
                median(store[0], from) / median(store[1], from), median(load[0], from) / median(load[1], from));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double median(double[] values, int from) {
        double[] sorted = Arrays.copyOfRange(values, from, values.length);
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void delete(Path dir) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path path : paths) {
            try {
                Files.delete(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
