package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The power-cut checker can fail: the same campaign over a broken storage (syncs that do nothing,
 * also under group commit; a meta page synced before its data; the storage's own {@code sync(false)};
 * directory syncs that do nothing; a group commit that reuses pages its group freed before the
 * group's sync) finds an image that loses an acknowledged commit or does not open.
 */
class PowerCutSelfTest {
    private static void assertFindsLoss(PowerCutCampaign campaign, String label) {
        CampaignFigures figures = campaign.run(label);
        assertTrue(figures.failed > 0, () -> "the simulator missed a broken storage: " + figures.summary());
        System.out.println("[power-cut]   " + label + " caught: " + figures.failures().get(0));
    }

    @Test
    void aDiskThatIgnoresForcesLosesCommits() {
        assertFindsLoss(new PowerCutCampaign(new SmallRecordsWorkload(), DiskFault.IGNORE_FORCE, 1, 3),
                "self-test: forces ignored");
    }

    @Test
    void groupCommitsOnADiskThatIgnoresForcesLoseCommits() {
        assertFindsLoss(new PowerCutCampaign(new GroupCommitWorkload(), DiskFault.IGNORE_FORCE, 1, 3),
                "self-test: forces ignored, group commit");
    }

    @Test
    void pagesAGroupFreedReusedBeforeItsSyncAreCaught() {
        assertFindsLoss(new PowerCutCampaign(new GroupCommitWorkload(true), DiskFault.NONE, 1, 3),
                "self-test: a group's freed pages reused before its sync");
    }

    @Test
    void metaPagesWrittenBeforeTheirDataAreCaught() {
        assertFindsLoss(new PowerCutCampaign(new OverflowRecordsWorkload(), DiskFault.META_BEFORE_DATA, 1, 3),
                "self-test: meta before data");
    }

    @Test
    void aDiskThatIgnoresDirectorySyncsLosesTheNewFile() {
        CampaignFigures figures = new PowerCutCampaign(new SmallRecordsWorkload(), DiskFault.IGNORE_DIRECTORY_FORCE,
                1, 3).run("self-test: directory forces ignored");
        assertTrue(figures.failed > 0, () -> "the simulator missed a lost file name: " + figures.summary());
        assertTrue(figures.failures().get(0).contains("no file under the name"), figures.failures().get(0));
        System.out.println("[power-cut]   directory forces ignored caught: " + figures.failures().get(0));
    }

    @Test
    void syncOffLosesAcknowledgedCommits() {
        SmallRecordsWorkload workload = new SmallRecordsWorkload();
        assertFindsLoss(new PowerCutCampaign(workload, workload.options().withSync(false), DiskFault.NONE, 1, 3),
                "self-test: sync(false)");
    }
}
