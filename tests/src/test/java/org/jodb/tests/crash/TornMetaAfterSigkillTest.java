package org.jodb.tests.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jodb.JodbException;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged meta pages on files with overflow extents, reused pages and bookkeeping, beyond
 * {@code FileStorageBadInputTest}'s two-revision file: one left by SIGKILLed children, one in the
 * state a kill between a commit's page writes and its meta page write leaves. A meta page's fields
 * all sit in its first sector (the rest is zeros), so the damage is done there.
 */
class TornMetaAfterSigkillTest {
    private static final int PAGE_SIZE = FileStorageOptions.DEFAULT_PAGE_SIZE;

    @TempDir
    Path dir;

    /**
     * A power cut while the last commit writes its meta page: that commit's pages are synced, its
     * meta page is torn. Opening falls back to the previous revision, which holds every transaction
     * before the last one exactly, and the file takes the lost transaction again on top of it.
     *
     * <p>The damage is done after the commit completed, so when that commit cut free pages off the
     * end of the file (in this workload about one commit in a hundred gives back a page of the free
     * run ending it), the file is one a torn write cannot leave (the cut follows the durable meta
     * page) but bit rot can: the previous meta page names more pages than the file has, all of them
     * free in its revision, and the file must open all the same ({@code FileEndBeforePageCountTest}).
     */
    @Test
    void tornMetaPageOfTheLastCommitFallsBackToThePreviousTransaction() throws Exception {
        KillCampaign campaign = new KillCampaign(MixedRecordsWorkload.class, dir, 42);
        long stored = campaign.run(4);
        assertEquals(stored + 1, campaign.commitOneMoreInProcess(), "the last commit, complete");
        long revision = lastRevision(campaign.file());
        damageFirstSector(campaign.file(), revision % 2);

        assertEquals(revision - 1, lastRevision(campaign.file()), "the other meta page is the previous revision");
        assertEquals(stored, new MixedRecordsWorkload().checkAfterCrash(campaign.file()), "one revision per transaction");
        assertEquals(stored + 1, campaign.commitOneMoreInProcess(), "the lost transaction, committed again");
    }

    /**
     * The newest meta page (revision R) damaged after it was durable (bit rot, not a torn write) on
     * a file where the next commit R + 1 had written its pages but not yet its meta page, as a kill
     * at that point leaves it. R + 1 takes the lowest free pages, among them those R superseded,
     * i.e. pages of revision R - 1's tree: so the fallback to R - 1 must be refused, naming a page
     * that R + 1 overwrote, never read as data. Built in this JVM, so the outcome is fixed.
     */
    @Test
    void damagedDurableMetaPageAfterTheNextCommitsPagesIsRefusedNamingAnOverwrittenPage() throws Exception {
        KillCampaign campaign = new KillCampaign(MixedRecordsWorkload.class, dir, 43);
        Path file = campaign.file();
        long marker = -1;
        for (int i = 0; i < 5; i++) {
            marker = campaign.commitOneMoreInProcess();
        }
        assertEquals(4, marker);
        long revision = lastRevision(file);
        byte[] atRevision = Files.readAllBytes(file);
        assertEquals(5, campaign.commitOneMoreInProcess(), "commit R + 1");
        // Both meta pages as they were at R: R + 1's pages are written, its meta page is not.
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(atRevision, 0, 2 * PAGE_SIZE);
        }
        Path intact = Files.copy(file, dir.resolve("intact-copy.jodb"));
        assertEquals(marker, new MixedRecordsWorkload().checkAfterCrash(intact), "R itself is untouched by R + 1");

        damageFirstSector(file, revision % 2);
        JodbException refused = assertThrows(JodbException.class,
                () -> new MixedRecordsWorkload().checkAfterCrash(file));
        System.out.println("damaged meta page over R + 1's pages, refused: " + refused.getMessage());
        Matcher page = Pattern.compile("page (\\d+)").matcher(refused.getMessage());
        assertTrue(page.find(), refused.getMessage());
        long named = Long.parseLong(page.group(1));
        byte[] now = Files.readAllBytes(file);
        assertTrue(named >= 2 && !Arrays.equals(atRevision, (int) named * PAGE_SIZE, (int) (named + 1) * PAGE_SIZE,
                        now, (int) named * PAGE_SIZE, (int) (named + 1) * PAGE_SIZE),
                "page " + named + " was written by R + 1: " + refused.getMessage());
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
