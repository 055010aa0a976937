package org.jodb.benchmarks.lmdb;

import java.io.PrintStream;
import java.util.List;

/** Prints {@link UpdateResult}s side by side: one row per store and reader plan. */
public final class UpdateTable {
    private UpdateTable() {
    }

    public static void print(List<UpdateResult> results, PrintStream out) {
        UpdateResult first = results.get(0);
        StringBuilder header = new StringBuilder(String.format("%-36s %-5s", "readers", "store"));
        for (int checkpoint : first.checkpoints()) {
            header.append(String.format(" %12s", "MiB@" + checkpoint));
        }
        header.append(String.format(" %8s %8s %8s %9s", "mean us", "p50 us", "p99 us", "live MiB"));
        out.println(header);
        for (UpdateResult result : results) {
            StringBuilder row = new StringBuilder(String.format("%-36s %-5s", result.plan().label(), result.store()));
            for (long size : result.sizes()) {
                row.append(String.format(" %12.2f", mib(size)));
            }
            row.append(' ').append(result.latencies().summary());
            row.append(result.liveBytes() > 0 ? String.format(" %9.2f", mib(result.liveBytes())) : String.format(" %9s", "-"));
            out.println(row);
        }
    }

    static double mib(long bytes) {
        return bytes / 1048576.0;
    }
}
