package org.jodb.cli;

import java.io.PrintWriter;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageStats;

/**
 * A command that rewrites the file through one storage operation (gc, compact): prints the
 * operation's own figures, then the revision and page accounting before and after it.
 */
abstract class MaintenanceCommand extends FileCommand {

    @Override
    final boolean writes() {
        return true;
    }

    /** Runs the operation; returns its own figures, one {@code name value} line each. */
    abstract String operate(FileStorage storage, Progress progress);

    @Override
    final ExitCode run(FileStorage storage, PrintWriter out) {
        FileStorageStats before = storage.stats();
        Progress progress = Progress.onStandardError(err(), spec.name());
        String figures;
        try {
            figures = operate(storage, progress);
        } finally {
            progress.finish();
        }
        FileStorageStats after = storage.stats();
        out.print(figures);
        out.printf("revision         %s%n", Figures.change(Long.toString(before.lastRevision()),
                Long.toString(after.lastRevision())));
        out.printf("pages in use     %s%n", Figures.change(Figures.count(before.pagesInUse()), Figures.count(after.pagesInUse())));
        out.printf("free pages       %s%n", Figures.change(Figures.count(before.freePages()), Figures.count(after.freePages())));
        out.printf("pending pages    %s%n", Figures.change(Figures.count(before.pendingPages()), Figures.count(after.pendingPages())));
        out.printf("file size        %s%n", Figures.change(Figures.bytes(before.fileSize()), Figures.bytes(after.fileSize())));
        return ExitCode.OK;
    }
}
