package org.jodb.cli;

import java.io.PrintWriter;
import org.jodb.storage.GcResult;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageStats;
import picocli.CommandLine.Command;

/**
 * {@code jodb gc FILE}: removes the objects no longer reachable from the root in one new revision
 * ({@link FileStorage#collectGarbage()}). Interrupting it leaves the previous revision.
 */
@Command(name = "gc", description = "Removes the objects not reachable from the root (one new revision)"
        + " and shows the figures before and after.")
final class GcCommand extends FileCommand {
    @Override
    ExitCode run(FileStorage storage, PrintWriter out) {
        FileStorageStats before = storage.stats();
        GcResult result = storage.collectGarbage();
        FileStorageStats after = storage.stats();
        out.printf("removed          %s unreachable objects (%s live)%n", Figures.count(result.removedObjects()),
                Figures.count(result.liveObjects()));
        PageFigures.print(out, before, after);
        return ExitCode.OK;
    }
}
