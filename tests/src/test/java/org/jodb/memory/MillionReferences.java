package org.jodb.memory;

import java.nio.file.Path;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.cache.CacheStats;
import org.jodb.cache.ClassFootprint;
import org.jodb.cache.HeapProfile;

/**
 * The child JVM of {@link MillionReferencesTest}: opens the file {@code args[0]} with default
 * options, loads the {@link ReferenceArray} under the root key {@value #KEY} (a ghost for every
 * element) and reads every element once, taking a savepoint every {@value #SAVEPOINT_EVERY}
 * objects, which brings the connection's cache back to its target. It then prints, measured with
 * JOL, what a ghost costs (object, identity-map entry and table share) and what a loaded object
 * adds, and exits with status 1 if an element reads wrong or the cache kept more than its target.
 */
public final class MillionReferences {
    static final String KEY = "array";
    static final int SAVEPOINT_EVERY = 10_000;

    private MillionReferences() {
    }

    public static void main(String[] args) {
        Path path = Path.of(args[0]);
        DatabaseOptions defaults = DatabaseOptions.defaults();
        System.out.printf("[million] max heap %,d MiB; defaults: cache target %,d objects / %,d MiB per connection%n",
                Runtime.getRuntime().maxMemory() >> 20, defaults.cacheTargetCount(), defaults.cacheTargetBytes() >> 20);
        boolean ok = true;
        try (Database db = Database.open(path); Connection conn = db.open()) {
            SmallObject[] items = ((ReferenceArray) conn.root().get(KEY)).items();
            ok &= readAll(conn, items, defaults.cacheTargetCount());
            System.out.printf("[million] read %,d objects; %s; %s%n", items.length, conn.cacheStats(), recordCache(db));
            ok &= measure(conn, items, defaults.cacheTargetCount());
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

    /**
     * Prints the JOL-measured bytes per ghost (every element a ghost, the array held here) and per
     * loaded object (the first {@code target} elements loaded again).
     */
    private static boolean measure(Connection conn, SmallObject[] items, int target) {
        conn.minimize();
        System.gc();
        HeapProfile ghosts = HeapProfile.of(conn);
        long ghostCount = ghosts.count(SmallObject.class);
        if (ghostCount < items.length) {
            System.out.printf("[million] %,d ghosts in the cache for %,d elements%n", ghostCount, items.length);
            return false;
        }
        System.out.printf("[million] per ghost: %.1f bytes (%s)%n", (double) ghosts.totalBytes() / ghostCount,
                breakdown(ghosts, ghostCount));
        long sum = 0;
        for (int i = 0; i < target; i++) {
            sum += items[i].value();
        }
        HeapProfile loaded = HeapProfile.of(conn);
        double added = (double) (loaded.totalBytes() - ghosts.totalBytes()) / target;
        System.out.printf("[million] per loaded object: %.1f bytes (a ghost and %.1f of state; %,d loaded, sum %d)%n",
                (double) ghosts.totalBytes() / ghostCount + added, added, conn.cacheStats().loaded(), sum);
        return true;
    }

    private static String breakdown(HeapProfile profile, long per) {
        StringBuilder out = new StringBuilder();
        for (ClassFootprint row : profile.classes()) {
            if (row.bytes() * 100 >= profile.totalBytes()) { // classes of at least 1%
                out.append(out.length() == 0 ? "" : ", ").append(row.className().replaceAll(".*\\.", ""))
                        .append(String.format(" %.1f", (double) row.bytes() / per));
            }
        }
        return out.toString();
    }

    private static String recordCache(Database db) {
        var stats = db.stats();
        return String.format("record cache %,d entries, %,d bytes weighed", stats.recordCacheEntries(),
                stats.recordCacheBytes());
    }
}
