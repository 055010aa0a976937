package org.jodb.memory;

import java.util.ArrayList;
import java.util.List;

/** The steps of one way of deactivating in {@link DeepDeactivationProfileTest}, printable as a table. */
final class DeactivationRun {
    final List<DeactivationStep> steps = new ArrayList<>();
    /** The cache's retained bytes before the first bucket was read. */
    long startBytes;
    /** What the cache's retained bytes grew by while one bucket's data was loaded. */
    long oneBucketBytes;

    DeactivationStep last() {
        return steps.get(steps.size() - 1);
    }

    /** One line per step, each count with its change since the previous step (objgraph's δ). */
    String table() {
        StringBuilder table = new StringBuilder(String.format("  %4s %12s %12s %10s %20s%n",
                "step", "Item  δ", "LongBucket  δ", "LongTreeNode", "retained bytes  δ"));
        DeactivationStep previous = new DeactivationStep(-1, 0, 0, 0, startBytes);
        for (DeactivationStep step : steps) {
            table.append(String.format("  %4d %7d %+4d %9d %+3d %10d %13d %+6d%n", step.bucket(),
                    step.items(), step.items() - previous.items(), step.buckets(), step.buckets() - previous.buckets(),
                    step.nodes(), step.bytes(), step.bytes() - previous.bytes()));
            previous = step;
        }
        return table.toString();
    }
}
