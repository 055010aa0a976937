package org.jodb.tests.space;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.jodb.benchmarks.space.SpaceFigures;
import org.jodb.benchmarks.space.SpaceMeasurement;
import org.jodb.benchmarks.space.SteadyFill;
import org.jodb.storage.file.FileStorageOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The space scenarios at a small scale (the full runs are {@code -Pspace}): the targets of the
 * space issue, a collection that grows the file by at most a quarter, a collected and compacted
 * file within 1.2x of a fresh store, and a steady workload whose tree stays over 60% full.
 */
class SpaceTest {
    @TempDir
    Path dir;

    /**
     * 200,000 objects: the root's list of holders is then an overflow extent of several pages at
     * the end of the file, which compaction must move although a collection leaves only small holes.
     */
    @Test
    void collectionAndCompactionMeetTheTargets() throws Exception {
        SpaceFigures figures = SpaceMeasurement.run(dir, 200_000, FileStorageOptions.defaults().withSync(false));
        System.out.println(figures);
        assertTrue(figures.gcGrowth() <= 1.25, figures.toString());
        assertTrue(figures.compactedOverFresh() <= 1.2, figures.toString());
    }

    @Test
    void aSteadyWorkloadKeepsTheTreeOverSixtyPercentFull() {
        double[] fills = SteadyFill.run(dir.resolve("steady.jodb"), 20_000, 10_000,
                FileStorageOptions.defaults().withSync(false));
        System.out.println("steady workload, tree fill after each collection: " + Arrays.toString(fills));
        assertTrue(SteadyFill.lowestAfterStart(fills) > 0.6, Arrays.toString(fills));
    }
}
