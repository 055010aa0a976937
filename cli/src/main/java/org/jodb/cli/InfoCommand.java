package org.jodb.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import org.jodb.storage.RevisionInfo;
import org.jodb.storage.Snapshot;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageStats;
import picocli.CommandLine.Command;

/** {@code jodb info FILE}: what the file is and holds, read from its meta page and bookkeeping. */
@Command(name = "info", description = "Shows the format, page size, newest revision and its commit time,"
        + " objects, page accounting, file size and retained revisions.")
final class InfoCommand extends FileCommand {
    @Override
    ExitCode run(FileStorage storage, PrintWriter out) {
        FileStorageStats stats = storage.stats();
        List<RevisionInfo> retained = storage.retainedRevisions();
        long objects;
        try (Snapshot snapshot = storage.openSnapshot()) {
            objects = storage.recordCount(snapshot);
        }
        out.printf("file             %s%n", file);
        out.printf("format version   %d%n", storage.formatVersion());
        out.printf("page size        %s%n", Figures.bytes(stats.pageSize()));
        out.printf("revision         %d, committed %s%n", stats.lastRevision(), Figures.time(retained.get(0).committed()));
        storage.skippedRevision().ifPresent(reason -> out.printf("not opened       %s%n", reason));
        out.printf("objects          %s%n", Figures.count(objects));
        out.printf("pages            %s: %s in use, %s free, %s pending%n", Figures.count(stats.pageCount()),
                Figures.count(stats.pagesInUse()), Figures.count(stats.freePages()), Figures.count(stats.pendingPages()));
        out.printf("file size        %s%n", Figures.bytes(stats.fileSize()));
        out.printf("retained         %s%n", retained.stream()
                .map(info -> info.revision() + " (" + Figures.time(info.committed()) + ")")
                .collect(Collectors.joining(", ")));
        return ExitCode.OK;
    }
}
