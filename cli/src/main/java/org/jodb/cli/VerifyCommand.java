package org.jodb.cli;

import java.io.PrintWriter;
import org.jodb.storage.file.DamagedPage;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.VerifyFailedException;
import org.jodb.storage.file.VerifyResult;
import picocli.CommandLine.Command;

/**
 * {@code jodb verify FILE}: reads every page of the newest revision and every pending page from
 * the disk, checking checksums, page numbers and creating revisions, and that every page is
 * exactly one of live, pending or free ({@link FileStorage#verify()}).
 */
@Command(name = "verify", description = "Checks every page (checksum, number, revision) and the page"
        + " accounting; exit code 0 when sound, 1 when damaged, listing the damaged pages and the oids"
        + " they hold.")
final class VerifyCommand extends FileCommand {
    @Override
    ExitCode run(FileStorage storage, PrintWriter out) {
        VerifyResult result;
        Progress progress = Progress.onStandardError(err(), "verify");
        try {
            result = storage.verify(progress);
        } catch (VerifyFailedException e) {
            out.printf("DAMAGED: %s%n", file);
            for (DamagedPage page : e.damagedPages()) {
                out.printf("  page %d: %s%s%n", page.page(), problem(page), holds(page));
            }
            out.printf("  all problems: %s%n", e.getMessage());
            storage.skippedRevision().ifPresent(reason -> skipped(storage, reason, out));
            return ExitCode.DAMAGED;
        } finally {
            progress.finish();
        }
        if (storage.skippedRevision().isPresent()) {
            out.printf("DAMAGED: %s%n", file);
            skipped(storage, storage.skippedRevision().get(), out);
            out.printf("  revision %d, opened instead, is sound: %s objects%n", result.revision(),
                    Figures.count(result.records()));
            return ExitCode.DAMAGED;
        }
        out.printf("sound: %s, revision %d: %s objects; %s pages live, %s pending, %s free of %s%n", file,
                result.revision(), Figures.count(result.records()), Figures.count(result.livePages()),
                Figures.count(result.pendingPages()), Figures.count(result.freePages()),
                Figures.count(result.pageCount()));
        return ExitCode.OK;
    }

    /** The newest meta page's revision that the open passed over ({@link FileStorage#skippedRevision}). */
    private static void skipped(FileStorage storage, String reason, PrintWriter out) {
        out.printf("  the newest meta page's revision was not opened: %s%n", reason);
        out.printf("  (after a crash: a commit cut before its sync, which never returned to its caller;"
                + " otherwise damage; the next commit overwrites that meta page, revision %d is open)%n",
                storage.lastRevision());
    }

    private static String problem(DamagedPage page) {
        String text = page.problem();
        int at = text.indexOf("is corrupt: ");
        return at < 0 ? text : text.substring(at + "is corrupt: ".length());
    }

    private static String holds(DamagedPage page) {
        if (!page.holdsRecords()) {
            return "";
        }
        if (page.firstOid() == page.lastOid()) {
            return "; holds the record of oid " + Figures.oid(page.firstOid());
        }
        return "; holds the records of oids " + Figures.oid(page.firstOid()) + " to "
                + (page.lastOid() == Long.MAX_VALUE ? "the last" : Figures.oid(page.lastOid()));
    }
}
