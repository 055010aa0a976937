package org.jodb.tests.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety under SIGKILL: a child JVM commits in a loop and is killed at random moments; after
 * every kill the file opens, verifies, holds every acknowledged commit and no partial one
 * ({@link KillCampaign}). The suite kills {@code jodb.crash.kills} times per four workloads (56 by
 * default, 14 per workload); {@code mvn -Psoak} raises it to 1,000 (250 per workload). {@code jodb.crash.seed} replays
 * another schedule.
 */
class SigkillCrashTest {
    private static final int TOTAL_KILLS = Integer.getInteger("jodb.crash.kills", 56);
    private static final long SEED = Long.getLong("jodb.crash.seed", 20_261_122L);
    private static final int KILLS_PER_WORKLOAD = Math.max(1, TOTAL_KILLS / 4);
    /** Kills aimed at a phase land up to this long after its announcement. */
    private static final int AIMED_DELAY_MICROS = 12_000;

    @TempDir
    Path dir;

    private void survivesKills(Class<? extends CrashWorkload> workload) throws Exception {
        KillCampaign campaign = new KillCampaign(workload, dir, SEED ^ workload.getSimpleName().hashCode());
        long stored = campaign.run(KILLS_PER_WORKLOAD);
        assertTheNextTransactionBuildsOnTheLastStoredOne(campaign, stored);
    }

    /**
     * The file the last kill left (checked by the campaign) also takes new commits: the next
     * transaction lands exactly on the newest stored one, and the file still verifies.
     */
    private static void assertTheNextTransactionBuildsOnTheLastStoredOne(KillCampaign campaign, long stored)
            throws Exception {
        assertEquals(stored + 1, campaign.commitOneMoreInProcess(), "marker after one more transaction");
    }

    @Test
    void smallRecordCommitsSurviveSigkill() throws Exception {
        survivesKills(SmallRecordsWorkload.class);
    }

    @Test
    void overflowExtentCommitsOfUpTo2MiBSurviveSigkill() throws Exception {
        survivesKills(LargeRecordsWorkload.class);
    }

    @Test
    void mixedSizeCommitsSurviveSigkill() throws Exception {
        survivesKills(MixedRecordsWorkload.class);
    }

    @Test
    void persistentObjectCommitsThroughDatabaseSurviveSigkill() throws Exception {
        survivesKills(DatabaseWorkload.class);
    }

    /**
     * Kills during {@code collectGarbage()} and {@code compact()}: half the kills wait for the child
     * to announce one of them and land within a few milliseconds, so most of those interrupt it.
     */
    @Test
    void garbageCollectionAndCompactionSurviveSigkill() throws Exception {
        KillCampaign campaign = new KillCampaign(GarbageCompactionWorkload.class, dir,
                SEED ^ GarbageCompactionWorkload.class.getSimpleName().hashCode())
                .aimingAt(50, AIMED_DELAY_MICROS, "gc-start", "compact-start");
        long stored = campaign.run(KILLS_PER_WORKLOAD);
        assertTheNextTransactionBuildsOnTheLastStoredOne(campaign, stored);
        Map<String, Integer> interrupted = campaign.interrupted();
        assertTrue(interrupted.containsKey("gc-start") || interrupted.containsKey("compact-start"),
                "some kill interrupted garbage collection or compaction: " + interrupted);
    }

    /**
     * Kills during commits on a free list larger than one free-map chunk, and during the
     * collection and compaction that make it (half the kills aimed at them).
     */
    @Test
    void commitsOnALargeFreeListSurviveSigkill() throws Exception {
        KillCampaign campaign = new KillCampaign(LargeFreeListWorkload.class, dir,
                SEED ^ LargeFreeListWorkload.class.getSimpleName().hashCode())
                .aimingAt(50, AIMED_DELAY_MICROS, "gc-start", "compact-start", "maintenance-end");
        long stored = campaign.run(KILLS_PER_WORKLOAD);
        assertTheNextTransactionBuildsOnTheLastStoredOne(campaign, stored);
    }
}
