package org.jodb.tests.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.jodb.JodbException;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged meta pages on files a SIGKILLed child left behind (overflow extents, reused pages,
 * bookkeeping), beyond {@code FileStorageBadInputTest}'s two-revision file. A meta page's fields
 * all sit in its first sector (the rest is zeros), so the damage is done there.
 */
class TornMetaAfterSigkillTest {
    private static final int PAGE_SIZE = FileStorageOptions.DEFAULT_PAGE_SIZE;

    @TempDir
    Path dir;

    /**
     * A power cut while the last commit writes its meta page: that commit's pages are synced, its
     * meta page is torn. Opening falls back to the previous transaction, complete and exact.
     */
    @Test
    void tornMetaPageOfTheLastCommitFallsBackToThePreviousTransaction() throws Exception {
        KillCampaign campaign = new KillCampaign(MixedRecordsWorkload.class, dir, 42);
        long stored = campaign.run(4);
        MixedRecordsWorkload workload = new MixedRecordsWorkload();
        assertThrows(StopAfterOneCommit.class, () -> workload.commitUntilKilled(campaign.file(),
                new Acknowledgements(new StopAfterOneCommit.Stream())));
        long revision = lastRevision(campaign.file());
        damageFirstSector(campaign.file(), revision % 2);

        assertEquals(revision - 1, lastRevision(campaign.file()), "the other meta page is the previous revision");
        assertEquals(stored, workload.checkAfterCrash(campaign.file()), "one revision per transaction");
        assertTrue(campaign.run(2) >= stored, "the child continues from the fallback revision");
    }

    /**
     * The newest meta page damaged after it was durable (bit rot, not a torn write) on a file whose
     * killed child may have begun the next commit over pages the previous revision used: opening
     * either gives the previous transaction exactly or fails naming a page, never wrong data.
     */
    @Test
    void damagedDurableMetaPageNeverYieldsWrongData() throws Exception {
        KillCampaign campaign = new KillCampaign(MixedRecordsWorkload.class, dir, 43);
        long stored = campaign.run(3);
        long revision = lastRevision(campaign.file());
        damageFirstSector(campaign.file(), revision % 2);
        try {
            assertEquals(stored - 1, new MixedRecordsWorkload().checkAfterCrash(campaign.file()));
        } catch (JodbException clearError) {
            assertTrue(clearError.getMessage().matches("(?s).*page \\d+.*"), clearError.getMessage());
            System.out.println("damaged durable meta page, refused: " + clearError.getMessage());
        }
    }

    private static long lastRevision(Path file) {
        try (FileStorage storage = FileStorage.open(file)) {
            return storage.lastRevision();
        }
    }

    /** Zeroes a meta page's first sector after its checksum field, so the checksum no longer holds. */
    private static void damageFirstSector(Path file, long slot) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(slot * PAGE_SIZE + 4);
            raf.write(new byte[512 - 4]);
        }
    }
}
