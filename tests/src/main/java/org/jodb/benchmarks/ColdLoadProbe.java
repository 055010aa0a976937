package org.jodb.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.collections.PersistentList;

/**
 * What a ghost load costs on the file storage when nothing is cached: not the OS page cache (drop
 * the file's pages first, e.g. {@code dd if=FILE iflag=nocache count=0}), not the storage's node
 * cache, not the record cache (a new JVM). Not a JMH benchmark: a cold read can only be measured
 * once per process.
 *
 * <pre>
 * ColdLoadProbe store FILE COUNT OWNER_CHARS   creates FILE with COUNT accounts
 * ColdLoadProbe read FILE                      loads every account once, in random order
 * </pre>
 */
public final class ColdLoadProbe {
    private ColdLoadProbe() {}

    public static void main(String[] args) {
        Path file = Path.of(args[1]);
        if (args[0].equals("store")) {
            store(file, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else {
            read(file);
        }
    }

    private static void store(Path file, int count, int ownerChars) {
        String padding = "x".repeat(ownerChars);
        try (Database db = Database.open(file)) {
            db.transact(c -> {
                PersistentList<BenchAccount> list = new PersistentList<>();
                for (int i = 0; i < count; i++) {
                    list.add(new BenchAccount(padding.substring(Integer.toString(i).length()) + i, i));
                }
                c.root().put("accounts", list);
            });
        }
    }

    private static void read(Path file) {
        DatabaseOptions options = DatabaseOptions.defaults().withCacheTargetCount(Integer.MAX_VALUE)
                .withCacheTargetBytes(1L << 40);
        try (Database db = Database.open(file, options); Connection conn = db.open()) {
            @SuppressWarnings("unchecked")
            List<BenchAccount> accounts = (List<BenchAccount>) conn.root().get("accounts");
            int[] order = LoadedAccounts.permutation(accounts.size(), new Random(5));
            long sum = 0;
            long start = System.nanoTime();
            for (int i : order) {
                sum += accounts.get(i).balance();
            }
            long elapsed = System.nanoTime() - start;
            System.out.printf("%,d loads in random order: %,.0f ns per load (checksum %d)%n", order.length,
                    (double) elapsed / order.length, sum);
        }
    }
}
