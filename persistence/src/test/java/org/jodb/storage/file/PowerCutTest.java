package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The power-cut campaign over each workload: every image a power cut could leave opens, verifies
 * and holds exactly a revision from the one acknowledged before the cut to the one in flight; a cut
 * while the file was created leaves no file (the next open creates it) or a valid empty one.
 * The system properties {@code jodb.powercut.random} (random images per cut point, default
 * {@value #DEFAULT_RANDOM}) and {@code jodb.powercut.seeds} (seeds run, default 1) size the
 * campaigns; the module's pom sets them and its {@code soak} profile raises both.
 */
class PowerCutTest {
    private static final int DEFAULT_RANDOM = 4;
    private static final int RANDOM = Integer.getInteger("jodb.powercut.random", DEFAULT_RANDOM);
    private static final int SEEDS = Integer.getInteger("jodb.powercut.seeds", 1);

    private static void campaign(PowerCutWorkload workload) {
        campaign(workload, figures -> { });
    }

    private static void campaign(PowerCutWorkload workload, Consumer<CampaignFigures> also) {
        for (int seed = 1; seed <= SEEDS; seed++) {
            CampaignFigures figures = new PowerCutCampaign(workload, DiskFault.NONE, seed, RANDOM)
                    .run(workload.name() + (SEEDS > 1 ? " seed " + seed : ""));
            int run = seed;
            assertEquals(0, figures.failed, () -> workload.name() + ", seed " + run
                    + ": images that fail the check:\n  "
                    + String.join("\n  ", figures.failures()));
            assertTrue(figures.inFlight > 0 && figures.atAcknowledged > 0,
                    () -> "the campaign must reach both outcomes: " + figures.summary());
            assertTrue(!figures.createsFile || figures.noFileYet > 0,
                    () -> "a campaign that creates its file must cut before the file has its name: "
                            + figures.summary());
            also.accept(figures);
        }
    }

    @Test
    void smallRecords() {
        campaign(new SmallRecordsWorkload());
    }

    @Test
    void overflowRecords() {
        campaign(new OverflowRecordsWorkload());
    }

    @Test
    void garbageCollectionAndCompaction() {
        campaign(new GarbageCompactionWorkload());
    }

    @Test
    void batchedGarbageCollectionAndRepackingWithAPinnedReader() {
        campaign(new BatchedGcRepackWorkload());
    }

    @Test
    void compactOnOpen() {
        campaign(new CompactOnOpenWorkload());
    }

    @Test
    void pinnedReaders() {
        campaign(new PinnedReadersWorkload());
    }

    @Test
    void upgradeOfAFormatVersion1File() {
        campaign(new FormatUpgradeWorkload());
    }

    /**
     * Concurrent committers: their commits share syncs (fewer forces than revisions), and every image
     * holds a whole revision from the acknowledged one to the newest whose meta page was written.
     */
    @Test
    void groupCommitsOfConcurrentCommitters() {
        campaign(new GroupCommitWorkload(), figures -> assertTrue(figures.forces < figures.lastRevision,
                () -> "no group formed: " + figures.summary()));
    }

    @Test
    void commitsOnALargeFragmentedFreeList() {
        campaign(new LargeFreeListWorkload());
    }

    @Test
    void keepRevisionsAndHistoryAcrossRestarts() {
        campaign(new RetainedHistoryWorkload());
    }
}
