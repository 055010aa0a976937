package org.jodb.tests.crash;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety under SIGKILL: a child JVM commits in a loop and is killed at random moments; after
 * every kill the file opens, verifies, holds every acknowledged commit and no partial one
 * ({@link KillCampaign}). The suite kills {@code jodb.crash.kills} times in all (56 by default,
 * a quarter per workload); {@code mvn -Psoak} raises it to 1,000. {@code jodb.crash.seed} replays
 * another schedule.
 */
class SigkillCrashTest {
    private static final int TOTAL_KILLS = Integer.getInteger("jodb.crash.kills", 56);
    private static final long SEED = Long.getLong("jodb.crash.seed", 20_261_122L);
    private static final int KILLS_PER_WORKLOAD = Math.max(1, TOTAL_KILLS / 4);

    @TempDir
    Path dir;

    private void survivesKills(Class<? extends CrashWorkload> workload) throws InterruptedException {
        long stored = new KillCampaign(workload, dir, SEED ^ workload.getSimpleName().hashCode())
                .run(KILLS_PER_WORKLOAD);
        assertTrue(stored >= 0, "the campaign committed something");
    }

    @Test
    void smallRecordCommitsSurviveSigkill() throws InterruptedException {
        survivesKills(SmallRecordsWorkload.class);
    }

    @Test
    void overflowExtentCommitsOfUpTo2MiBSurviveSigkill() throws InterruptedException {
        survivesKills(LargeRecordsWorkload.class);
    }

    @Test
    void mixedSizeCommitsSurviveSigkill() throws InterruptedException {
        survivesKills(MixedRecordsWorkload.class);
    }

    @Test
    void persistentObjectCommitsThroughDatabaseSurviveSigkill() throws InterruptedException {
        survivesKills(DatabaseWorkload.class);
    }
}
