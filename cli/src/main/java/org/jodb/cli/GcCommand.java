package org.jodb.cli;

import org.jodb.storage.GcResult;
import org.jodb.storage.file.FileStorage;
import picocli.CommandLine.Command;

/**
 * {@code jodb gc FILE}: removes the objects no longer reachable from the root in one new revision
 * ({@link FileStorage#collectGarbage()}). Interrupting it leaves the previous revision.
 */
@Command(name = "gc", description = "Removes the objects not reachable from the root (one new revision)"
        + " and shows the figures before and after.")
final class GcCommand extends MaintenanceCommand {
    @Override
    String operate(FileStorage storage, Progress progress) {
        GcResult result = storage.collectGarbage(progress);
        return String.format("removed          %s unreachable objects (%s live)%n",
                Figures.count(result.removedObjects()), Figures.count(result.liveObjects()));
    }
}
