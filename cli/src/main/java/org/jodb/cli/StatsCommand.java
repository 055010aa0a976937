package org.jodb.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jodb.serialization.StoredLayoutReader;
import org.jodb.storage.Record;
import org.jodb.storage.Snapshot;
import org.jodb.storage.Storage;
import org.jodb.storage.file.FileStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jodb stats FILE}: objects and bytes by class, the largest objects and the deepest
 * reference chain of the newest revision, read from the stored records and the type catalog (no
 * class of the application is loaded).
 */
@Command(name = "stats", description = "Objects and bytes by class, the largest objects and the deepest"
        + " reference chain from the root, from the stored records (no application class is loaded).")
final class StatsCommand extends FileCommand {
    @Option(names = "--json", description = "Print JSON for scripts instead of tables.")
    boolean json;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N",
            description = "How many of the largest objects to list (default ${DEFAULT-VALUE}).")
    int top;

    @Override
    ExitCode run(FileStorage storage, PrintWriter out) {
        StoredLayoutReader catalog = new StoredLayoutReader(storage);
        RecordStatistics statistics = new RecordStatistics(top);
        long revision;
        try (Snapshot snapshot = storage.openSnapshot()) {
            revision = snapshot.revision();
            Progress progress = Progress.onStandardError(err(), "stats", "reading records",
                    storage.recordCount(snapshot));
            storage.forEachRecord(snapshot, record -> {
                statistics.add(record, catalog.className(record.classId()));
                progress.step();
            });
            progress.finish();
        }
        ReferenceDepth depth = ReferenceDepth.from(statistics.references);
        if (json) {
            printJson(out, revision, statistics, depth);
        } else {
            printTables(out, revision, statistics, depth);
        }
        return ExitCode.OK;
    }

    private void printTables(PrintWriter out, long revision, RecordStatistics statistics, ReferenceDepth depth) {
        out.printf("%s, revision %d: %s objects, %s%n", file, revision, Figures.count(statistics.objects),
                Figures.bytes(statistics.bytes));
        out.printf("%nby class (record bytes: payload and 8 per reference)%n");
        out.printf("%12s %16s  %s%n", "objects", "bytes", "class");
        for (Map.Entry<String, long[]> entry : statistics.byClassLargestFirst()) {
            out.printf("%12s %16s  %s%n", Figures.count(entry.getValue()[0]), Figures.count(entry.getValue()[1]),
                    entry.getKey());
        }
        out.printf("%nlargest objects%n");
        out.printf("%12s %16s  %s%n", "oid", "bytes", "class");
        for (RecordStatistics.Sized sized : statistics.largest()) {
            out.printf("%12s %16s  %s%n", Figures.oid(sized.oid()), Figures.count(sized.bytes()), sized.className());
        }
        if (depth.depth() < 0) {
            out.printf("%nno root object (oid %s): every object is unreachable%n", Figures.oid(Storage.ROOT_OID));
        } else {
            out.printf("%ndeepest reference chain from the root: %d references%n", depth.depth());
            out.printf("  %s%n", depth.chain().stream().map(oid -> Figures.oid(oid) + " " + statistics.classOf.get(oid))
                    .collect(Collectors.joining("%n  -> ".formatted())));
        }
        out.printf("unreachable from the root: %s objects (gc removes them)%n",
                Figures.count(statistics.objects - depth.reached()));
    }

    private void printJson(PrintWriter out, long revision, RecordStatistics statistics, ReferenceDepth depth) {
        out.println("{");
        out.printf("  \"file\": %s,%n", Json.string(file.toString()));
        out.printf("  \"revision\": %d,%n  \"objects\": %d,%n  \"bytes\": %d,%n", revision, statistics.objects,
                statistics.bytes);
        out.printf("  \"classes\": [%s],%n", statistics.byClassLargestFirst().stream()
                .map(e -> "{\"class\": " + Json.string(e.getKey()) + ", \"objects\": " + e.getValue()[0]
                        + ", \"bytes\": " + e.getValue()[1] + "}")
                .collect(Collectors.joining(",\n    ", "\n    ", "\n  ")));
        out.printf("  \"largest\": [%s],%n", statistics.largest().stream()
                .map(s -> "{\"oid\": " + s.oid() + ", \"class\": " + Json.string(s.className()) + ", \"bytes\": "
                        + s.bytes() + "}")
                .collect(Collectors.joining(",\n    ", "\n    ", "\n  ")));
        out.printf("  \"deepestChain\": {\"depth\": %d, \"oids\": %s},%n", depth.depth(),
                depth.chain().stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]")));
        out.printf("  \"unreachable\": %d%n", statistics.objects - depth.reached());
        out.println("}");
    }

    /** What the pass over the records gathers. Not thread-safe. */
    static final class RecordStatistics {
        /** One object and its record bytes. */
        record Sized(long oid, String className, long bytes) {
        }

        private final int top;
        private final Map<String, long[]> byClass = new TreeMap<>();
        private final PriorityQueue<Sized> largest = new PriorityQueue<>(Comparator.comparingLong(Sized::bytes));
        final Map<Long, long[]> references = new HashMap<>();
        final Map<Long, String> classOf = new HashMap<>();
        long objects;
        long bytes;

        RecordStatistics(int top) {
            this.top = top;
        }

        void add(Record record, String className) {
            long weight = record.weight();
            objects++;
            bytes += weight;
            long[] figures = byClass.computeIfAbsent(className, c -> new long[2]);
            figures[0]++;
            figures[1] += weight;
            largest.add(new Sized(record.oid(), className, weight));
            if (largest.size() > top) {
                largest.poll();
            }
            references.put(record.oid(), record.references());
            classOf.put(record.oid(), className);
        }

        List<Map.Entry<String, long[]>> byClassLargestFirst() {
            List<Map.Entry<String, long[]>> entries = new ArrayList<>(byClass.entrySet());
            entries.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed());
            return entries;
        }

        List<Sized> largest() {
            List<Sized> sorted = new ArrayList<>(largest);
            sorted.sort(Comparator.comparingLong(Sized::bytes).reversed().thenComparingLong(Sized::oid));
            return sorted;
        }
    }
}
