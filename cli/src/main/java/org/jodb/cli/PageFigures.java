package org.jodb.cli;

import java.io.PrintWriter;
import org.jodb.storage.file.FileStorageStats;

/** The revision and page accounting before and after an operation that rewrites the file (gc, compact). */
final class PageFigures {
    private PageFigures() {
    }

    static void print(PrintWriter out, FileStorageStats before, FileStorageStats after) {
        out.printf("revision         %s%n", Figures.change(Long.toString(before.lastRevision()),
                Long.toString(after.lastRevision())));
        out.printf("pages in use     %s%n", Figures.change(Figures.count(before.pagesInUse()), Figures.count(after.pagesInUse())));
        out.printf("free pages       %s%n", Figures.change(Figures.count(before.freePages()), Figures.count(after.freePages())));
        out.printf("pending pages    %s%n", Figures.change(Figures.count(before.pendingPages()), Figures.count(after.pendingPages())));
        out.printf("file size        %s%n", Figures.change(Figures.bytes(before.fileSize()), Figures.bytes(after.fileSize())));
    }
}
