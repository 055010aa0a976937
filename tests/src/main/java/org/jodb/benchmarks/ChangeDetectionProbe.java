package org.jodb.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.collections.PersistentList;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;

/**
 * Where {@link ChangeDetectionBenchmark}'s loaded-list gap between detection on and off comes
 * from. Two databases in one JVM, detection on and off, each holding {@value #OBJECTS}
 * {@link BenchItem}s with lists loaded from the file (sync off); their commits alternate, so that
 * both see the same machine load and the same compiled code, which separate JMH forks do not.
 * Prints the median time of three commits per mode: after reading every object and changing one
 * (the benchmark's commit); after reading every object and changing none (what ending a
 * transaction that read them costs); after changing one object without reading the others.
 * Not a JMH benchmark: the point is the pairing. The heap layout the garbage collector leaves
 * decides much of the result; compare a run with a young generation large enough never to fill
 * ({@code -Xms3g -Xmn2500m}).
 *
 * <pre>
 * ChangeDetectionProbe [ROUNDS]   commits per mode and database (default 3,000)
 * </pre>
 */
public final class ChangeDetectionProbe {
    static final int OBJECTS = 10_000;

    private ChangeDetectionProbe() {}

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        Subject on = new Subject(true);
        Subject off = new Subject(false);
        for (String mode : new String[] {"read all, change one", "read all, change none", "change one, read none"}) {
            long[] onTimes = new long[rounds];
            long[] offTimes = new long[rounds];
            for (int warmup = 0; warmup < 2; warmup++) {
                for (int i = 0; i < rounds; i++) {
                    onTimes[i] = on.commit(mode);
                    offTimes[i] = off.commit(mode);
                }
            }
            Arrays.sort(onTimes);
            Arrays.sort(offTimes);
            System.out.printf("%-22s median commit: detection on %8.1f us, off %8.1f us%n", mode,
                    onTimes[rounds / 2] / 1e3, offTimes[rounds / 2] / 1e3);
        }
        on.close();
        off.close();
    }

    /** One database of loaded items and the connection that holds them. */
    private static final class Subject {
        private final Path directory;
        private final Database db;
        private final Connection connection;
        private final BenchItem[] items;
        private int next;

        Subject(boolean detection) throws IOException {
            directory = Files.createTempDirectory("jodb-detection-probe");
            Path file = directory.resolve("probe.jodb");
            try (Database db = open(file, detection)) {
                db.transact(c -> {
                    PersistentList<BenchItem> list = new PersistentList<>();
                    for (int i = 0; i < OBJECTS; i++) {
                        list.add(new BenchItem(i));
                    }
                    c.root().put("items", list);
                });
            }
            db = open(file, detection); // a new cache: the objects are loaded from the file
            connection = db.open();
            @SuppressWarnings("unchecked")
            PersistentList<BenchItem> list = (PersistentList<BenchItem>) connection.root().get("items");
            items = list.toArray(new BenchItem[0]);
            readAll();
            connection.commit();
        }

        private static Database open(Path file, boolean detection) {
            return Database.open(FileStorage.open(file, FileStorageOptions.defaults().withSync(false)),
                    DatabaseOptions.defaults().withChangeDetection(detection)
                            .withCacheTargetCount(2 * OBJECTS).withCacheTargetBytes(1L << 40));
        }

        /** One transaction of {@code mode}; returns the nanoseconds its commit took. */
        long commit(String mode) {
            if (!mode.startsWith("change one")) {
                readAll();
            }
            if (!mode.endsWith("change none")) {
                items[next].increment();
                next = (next + 1) % OBJECTS;
            }
            long start = System.nanoTime();
            connection.commit();
            return System.nanoTime() - start;
        }

        private long readAll() {
            long sum = 0;
            for (BenchItem item : items) {
                sum += item.value() + item.size();
            }
            return sum;
        }

        void close() throws IOException {
            connection.close();
            db.close();
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(path);
                }
            }
        }
    }
}
