package org.jodb.tests.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A torn meta page on a file a SIGKILLed child left behind: the newest meta page's first sector,
 * which holds all its fields (the rest of the page is zeros), never reached the disk as written
 * (as after a power cut in the middle of its write). A tear after the first sector changes no
 * byte, so this is the tear that matters. {@code FileStorageBadInputTest}
 * shows the fallback on a two-revision file; this shows it on a crash-made file with overflow
 * extents, reused pages and bookkeeping: the previous revision is complete and exactly right,
 * so the commit just before it is readable even though the newest commit wrote over freed pages.
 */
class TornMetaAfterSigkillTest {
    private static final int PAGE_SIZE = FileStorageOptions.DEFAULT_PAGE_SIZE;

    @TempDir
    Path dir;

    @Test
    void tornNewestMetaPageFallsBackToTheCompletePreviousTransaction() throws Exception {
        KillCampaign campaign = new KillCampaign(MixedRecordsWorkload.class, dir, 42);
        long stored = campaign.run(4);
        assertTrue(stored >= 1, "needs two transactions, has " + (stored + 1));
        long revision;
        try (FileStorage storage = FileStorage.open(campaign.file())) {
            revision = storage.lastRevision();
        }
        damageFirstSector(campaign.file(), revision % 2);

        try (FileStorage storage = FileStorage.open(campaign.file())) {
            assertEquals(revision - 1, storage.lastRevision(), "the other meta page is the previous revision");
        }
        // One revision per transaction in this workload, so the fallback is transaction stored - 1,
        // checked slot by slot against the plan.
        assertEquals(stored - 1, new MixedRecordsWorkload().checkAfterCrash(campaign.file()));
        assertTrue(campaign.run(2) >= stored - 1, "the child continues from the fallback revision");
    }

    /** Zeroes a meta page's first sector after its checksum field, so the checksum no longer holds. */
    private static void damageFirstSector(Path file, long slot) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(slot * PAGE_SIZE + 4);
            raf.write(new byte[512 - 4]);
        }
    }
}
