package org.jodb.benchmarks.space;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;

/**
 * A steady workload of inserts and removals without compaction: {@code objects} small objects
 * under holders (as {@link SpaceMeasurement} stores them), then {@code commits} commits that each
 * create one object and put it in a random holder in place of a random one it held, which becomes
 * garbage; every {@value #COMMITS_PER_COLLECTION} commits the garbage is collected. The tree's fill
 * ({@code FileStorageStats#treeFill}) is sampled after each collection: it must not drift toward
 * half-empty pages.
 *
 * <p>Run it with {@code mvn -B -o -Pspace -DskipTests verify -pl tests -am
 * -Dspace.main=org.jodb.benchmarks.space.SteadyFill -Dspace.args="100000 100000"} (objects,
 * commits). Not thread-safe.
 */
public final class SteadyFill {
    static final int COMMITS_PER_COLLECTION = 1_000;

    private SteadyFill() {
    }

    public static void main(String[] args) throws Exception {
        int objects = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        int commits = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 100_000;
        Path dir = Files.createTempDirectory("jodb-steady");
        Path file = dir.resolve("steady.jodb");
        try {
            double[] fills = run(file, objects, commits, FileStorageOptions.defaults().withSync(false));
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < fills.length; i++) {
                line.append(String.format(Locale.ROOT, "%s%d:%.0f%%", i == 0 ? "" : " ",
                        i * COMMITS_PER_COLLECTION, 100 * fills[i]));
            }
            System.out.printf(Locale.ROOT, "%,d objects, %,d commits (50%% inserts, 50%% removals), tree fill"
                    + " after each collection (commits:fill): %s; lowest after the start %.0f%%%n", objects, commits,
                    line, 100 * lowestAfterStart(fills));
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }

    /** The lowest fill sampled after the first collection (the store itself is the first sample). */
    public static double lowestAfterStart(double[] fills) {
        double lowest = 1;
        for (int i = 1; i < fills.length; i++) {
            lowest = Math.min(lowest, fills[i]);
        }
        return lowest;
    }

    /**
     * Runs the workload on a new file; returns the tree's fill after the store and after each
     * collection.
     */
    public static double[] run(Path file, int objects, int commits, FileStorageOptions options) {
        try (FileStorage storage = FileStorage.open(file, options)) {
            long[][] holders = SpaceMeasurement.store(storage, objects, 1);
            int objectType = storage.typeId(SpaceMeasurement.OBJECT);
            int holderType = storage.typeId(SpaceMeasurement.HOLDER);
            int per = SpaceMeasurement.PER_HOLDER;
            SplittableRandom random = new SplittableRandom(12);
            List<Double> fills = new ArrayList<>();
            fills.add(storage.stats().treeFill());
            for (int commit = 1; commit <= commits; commit++) {
                long[] holder = holders[random.nextInt(holders.length)];
                long oid = storage.newOid();
                holder[random.nextInt(per)] = oid;
                long[] refs = Arrays.copyOf(holder, per);
                holder[per + 1] = storage.commit(List.of(
                        new RecordWrite(oid, 0, objectType, new long[0], SpaceMeasurement.payload(oid)),
                        new RecordWrite(holder[per], holder[per + 1], holderType, refs, new byte[0])));
                if (commit % COMMITS_PER_COLLECTION == 0) {
                    storage.collectGarbage();
                    fills.add(storage.stats().treeFill());
                }
            }
            return fills.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
