package org.jodb.benchmarks.lmdb;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jodb.storage.file.FileStorageOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LMDB comparison's workload, scaled down to 2,000 commits with sync on: jodb's file bounds are
 * asserted, LMDB's growth under the same readers is printed for contrast (not asserted: it is
 * LMDB's documented behaviour, not ours). {@link LmdbComparison} runs the full size.
 */
class LmdbWorkloadBoundsTest {
    private static final int COMMITS = 2_000;
    private static final int[] CHECKPOINTS = {1_000, COMMITS};
    private static final long FOUR_MIB = 4L << 20;
    private static final List<UpdateResult> RESULTS = new ArrayList<>();

    @TempDir
    Path dir;

    private UpdateResult jodb(ReaderPlan plan, FileStorageOptions options) {
        try (JodbSubject subject = new JodbSubject(dir.resolve("jodb-" + plan + ".jodb"), options)) {
            return record(UpdateWorkload.run(subject, plan, COMMITS, CHECKPOINTS));
        }
    }

    private UpdateResult lmdb(ReaderPlan plan) {
        try (LmdbSubject subject = new LmdbSubject(dir.resolve("lmdb-" + plan + ".mdb"), true)) {
            return record(UpdateWorkload.run(subject, plan, COMMITS, CHECKPOINTS));
        }
    }

    private static UpdateResult record(UpdateResult result) {
        synchronized (RESULTS) {
            RESULTS.add(result);
        }
        return result;
    }

    @AfterAll
    static void printSideBySide() {
        System.out.println("LMDB workload, " + COMMITS + " commits, sync on (figures, not assertions):");
        UpdateTable.print(RESULTS, System.out);
    }

    @Test
    void oneReaderHeldFromTheStartKeepsJodbUnder4MiB() {
        UpdateResult result = jodb(ReaderPlan.ONE_FROM_START, FileStorageOptions.defaults());
        lmdb(ReaderPlan.ONE_FROM_START);
        assertTrue(result.finalSize() < FOUR_MIB, "file " + result.finalSize());
    }

    @Test
    void withoutReadersJodbStaysUnder4MiB() {
        UpdateResult result = jodb(ReaderPlan.NONE, FileStorageOptions.defaults());
        lmdb(ReaderPlan.NONE);
        assertTrue(result.finalSize() < FOUR_MIB, "file " + result.finalSize());
    }

    @Test
    void fourSpacedReadersHoldJodbUnderReadersPlusTwoTimesTheLiveData() {
        UpdateResult result = jodb(ReaderPlan.FOUR_SPACED, FileStorageOptions.defaults());
        lmdb(ReaderPlan.FOUR_SPACED);
        long bound = (result.readersHeld() + 2) * result.liveBytes();
        assertTrue(result.readersHeld() == 4 && result.finalSize() < bound,
                "file " + result.finalSize() + ", bound " + bound + " with " + result.readersHeld() + " readers");
    }

    @Test
    void readerRepinnedAfterARestartThroughRetentionKeepsJodbUnder4MiB() {
        FileStorageOptions keep = FileStorageOptions.defaults().keepRevisions(2 * UpdateWorkload.REPIN_DISTANCE);
        UpdateResult result = jodb(ReaderPlan.ONE_ACROSS_RESTART, keep);
        assertTrue(result.readersHeld() == 1 && result.finalSize() < FOUR_MIB, "file " + result.finalSize());
    }
}
