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
    /**
     * Pages one commit supersedes, which wait as free for the next commit: a leaf per rewritten
     * record, the root branch above the leaves of 1,000 records of 200 bytes, the bookkeeping page.
     */
    private static final long PAGES_PER_COMMIT = UpdateWorkload.PER_COMMIT + 1 + 1;
    /** Slack for the rest: meta pages, catalog, a leaf split. */
    private static final long FEW_PAGES = 4;
    private static final long PAGE_SIZE = FileStorageOptions.DEFAULT_PAGE_SIZE;
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
    void oneReaderHeldFromTheStartKeepsJodbWithinTwiceTheLiveDataAndOneCommit() {
        UpdateResult result = jodb(ReaderPlan.ONE_FROM_START, FileStorageOptions.defaults());
        lmdb(ReaderPlan.ONE_FROM_START);
        // The reader's tree (at most the live data), the live tree, what the last commit superseded.
        long bound = 2 * result.liveBytes() + (PAGES_PER_COMMIT + FEW_PAGES) * PAGE_SIZE;
        assertTrue(result.readersHeld() == 1 && result.finalSize() <= bound,
                "file " + result.finalSize() + ", bound " + bound + ", live " + result.liveBytes());
    }

    @Test
    void withoutReadersJodbStaysWithinTheLiveDataAndOneCommit() {
        UpdateResult result = jodb(ReaderPlan.NONE, FileStorageOptions.defaults());
        lmdb(ReaderPlan.NONE);
        // The live tree and what the last commit superseded, which the next commit reuses.
        long bound = result.liveBytes() + (PAGES_PER_COMMIT + FEW_PAGES) * PAGE_SIZE;
        assertTrue(result.finalSize() <= bound,
                "file " + result.finalSize() + ", bound " + bound + ", live " + result.liveBytes());
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
    void readerRepinnedAfterARestartHoldsItsTreeAndTheRetainedRevisionsTheirCommits() {
        int keepRevisions = 2 * UpdateWorkload.REPIN_DISTANCE;
        FileStorageOptions keep = FileStorageOptions.defaults().keepRevisions(keepRevisions);
        UpdateResult result = jodb(ReaderPlan.ONE_ACROSS_RESTART, keep);
        // The reader's tree, the live tree, and the pages each retained revision's successor and
        // the last commit superseded.
        long bound = 2 * result.liveBytes() + ((keepRevisions + 1) * PAGES_PER_COMMIT + FEW_PAGES) * PAGE_SIZE;
        assertTrue(result.readersHeld() == 1 && result.finalSize() <= bound,
                "file " + result.finalSize() + ", bound " + bound + ", live " + result.liveBytes());
    }
}
