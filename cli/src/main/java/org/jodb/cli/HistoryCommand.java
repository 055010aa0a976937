package org.jodb.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import org.jodb.serialization.StoredLayoutReader;
import org.jodb.storage.ObjectHistory;
import org.jodb.storage.Record;
import org.jodb.storage.RevisionInfo;
import org.jodb.storage.Snapshot;
import org.jodb.storage.file.FileStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code jodb history FILE OID}: the versions of one object the retained revisions still hold. */
@Command(name = "history", description = "Lists the retained versions of one object, newest first, with"
        + " the revision that wrote each and its commit time.")
final class HistoryCommand extends FileCommand {
    @Parameters(index = "1", paramLabel = "OID", converter = OidConverter.class,
            description = "The object's oid, decimal or hexadecimal (0x1f).")
    long oid;

    @Override
    ExitCode run(FileStorage storage, PrintWriter out) {
        List<RevisionInfo> versions = ObjectHistory.versions(storage, oid);
        if (versions.isEmpty()) {
            throw new CommandFailure(ExitCode.NOT_FOUND, file + ": no retained revision holds oid "
                    + Figures.oid(oid) + " (it retains revisions " + storage.retainedRevisions().stream()
                            .map(info -> Long.toString(info.revision())).collect(Collectors.joining(", ")) + ")");
        }
        String className = "class unknown";
        for (RevisionInfo retained : storage.retainedRevisions()) {
            try (Snapshot snapshot = storage.openSnapshot(retained.revision())) {
                Record record = snapshot.load(oid);
                if (record != null) {
                    className = new StoredLayoutReader(storage).className(record.classId());
                    break;
                }
            }
        }
        out.printf("oid %s (%s): %d retained versions%n", Figures.oid(oid), className, versions.size());
        for (RevisionInfo version : versions) {
            out.printf("  revision %-8d committed %s%n", version.revision(), version.committed() != null
                    ? version.committed().toString() : "at a time no longer known (that revision is not retained)");
        }
        return ExitCode.OK;
    }
}
