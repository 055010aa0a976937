package org.jodb.cli;

import org.jodb.storage.CompactionResult;
import org.jodb.storage.file.FileStorage;
import picocli.CommandLine.Command;

/**
 * {@code jodb compact FILE}: moves live pages from the end of the file into free pages nearer its
 * start and truncates it ({@link FileStorage#compact()}), in commits that change no object; an
 * interrupted compaction leaves the last of them.
 */
@Command(name = "compact", description = "Moves live pages into free space nearer the start of the file"
        + " and truncates it; shows the figures before and after.")
final class CompactCommand extends MaintenanceCommand {
    @Override
    String operate(FileStorage storage, Progress progress) {
        CompactionResult result = storage.compact(progress);
        return String.format("pages moved      %s%n", Figures.count(result.pagesMoved()));
    }
}
