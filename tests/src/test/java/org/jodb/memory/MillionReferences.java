package org.jodb.memory;

import java.nio.file.Path;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.DatabaseStats;

/**
 * The child JVM of {@link MillionReferencesTest}, run with a small heap: opens the file
 * {@code args[0]} with default options, loads the {@link ReferenceArray} under the root key
 * {@value #KEY} (a ghost for every element) and reads every element once, taking a savepoint every
 * {@value #SAVEPOINT_EVERY} objects, which brings the connection's cache back to its target. It
 * prints the time of each step and the heap in use after a collection, and exits with status 1 if
 * an element reads wrong or the cache kept more than its target (an {@code OutOfMemoryError} exits
 * with status 1 too).
 */
public final class MillionReferences {
    static final String KEY = "array";
    static final int SAVEPOINT_EVERY = 10_000;

    private MillionReferences() {
    }

    public static void main(String[] args) {
        Path path = Path.of(args[0]);
        DatabaseOptions defaults = DatabaseOptions.defaults();
        System.out.printf("[million] max heap %,d MiB; defaults: cache target %,d objects or %,d MiB per connection,"
                        + " record cache %,d MiB%n", Runtime.getRuntime().maxMemory() >> 20, defaults.cacheTargetCount(),
                defaults.cacheTargetBytes() >> 20, DatabaseOptions.defaultRecordCacheBytes() >> 20);
        boolean ok;
        try (Database db = Database.open(path); Connection conn = db.open()) {
            long start = System.nanoTime();
            SmallObject[] items = ((ReferenceArray) conn.root().get(KEY)).items();
            long loaded = System.nanoTime();
            ok = readAll(conn, items, defaults.cacheTargetCount());
            long read = System.nanoTime();
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            DatabaseStats stats = db.stats();
            System.out.printf("[million] array of %,d loaded in %,d ms, every object read in %,d ms; heap in use"
                            + " %,d MiB after a collection; %s; record cache %,d records, %,d bytes%n", items.length,
                    (loaded - start) / 1_000_000, (read - loaded) / 1_000_000,
                    (runtime.totalMemory() - runtime.freeMemory()) >> 20, conn.cacheStats(),
                    stats.recordCacheEntries(), stats.recordCacheBytes());
        }
        System.out.println(ok ? "[million] completed" : "[million] FAILED");
        System.exit(ok ? 0 : 1);
    }

    /** Reads every element once, a savepoint every {@value #SAVEPOINT_EVERY}; false if one reads wrong. */
    private static boolean readAll(Connection conn, SmallObject[] items, int target) {
        for (int i = 0; i < items.length; i++) {
            SmallObject item = items[i];
            if (item.value() != i || !item.name().equals(MillionReferencesTest.nameOf(i))
                    || item.next() != (i == 0 ? null : items[i - 1])) {
                System.out.println("[million] element " + i + " reads wrong: " + item.name() + ", " + item.value());
                return false;
            }
            if ((i + 1) % SAVEPOINT_EVERY == 0) {
                conn.savepoint();
                int loaded = conn.cacheStats().loaded();
                if (loaded > target + 1) { // the holder itself is loaded too
                    System.out.printf("[million] after %,d objects the cache keeps %,d loaded, target %,d%n",
                            i + 1, loaded, target);
                    return false;
                }
            }
        }
        return true;
    }
}
