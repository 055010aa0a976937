package org.jodb.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jodb.serialization.StoredLayoutReader;
import org.jodb.serialization.StoredObjectView;
import org.jodb.storage.Record;
import org.jodb.storage.Snapshot;
import org.jodb.storage.file.FileStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jodb dump FILE [--oid N] [--revision R]}: records with their class, serial, references
 * and field values, decoded by the layouts stored in the file's catalog
 * ({@link StoredLayoutReader}), so the application's classes need not be on the class path.
 */
@Command(name = "dump", description = "Prints records: class, serial, references and the field values"
        + " decoded by the stored layouts (no application class is needed or loaded).")
final class DumpCommand extends FileCommand {
    @Option(names = "--oid", paramLabel = "N", converter = OidConverter.class,
            description = "Only this object (decimal, or hexadecimal as 0x1f).")
    Long oid;

    @Option(names = "--revision", paramLabel = "R",
            description = "Read this retained revision instead of the newest (see jodb info).")
    Long revision;

    @Override
    ExitCode run(FileStorage storage, PrintWriter out) {
        StoredLayoutReader reader = new StoredLayoutReader(storage);
        try (Snapshot snapshot = open(storage)) {
            if (oid != null) {
                Record record = snapshot.load(oid);
                if (record == null) {
                    throw new CommandFailure(ExitCode.NOT_FOUND, file + ": no object " + Figures.oid(oid)
                            + " in revision " + snapshot.revision());
                }
                // a persistent object in the payload is an oid, and its oid is among the references
                Set<String> persistent = new HashSet<>();
                for (long target : record.references()) {
                    Record referenced = snapshot.load(target);
                    if (referenced != null) {
                        persistent.add(reader.className(referenced.classId()));
                    }
                }
                print(out, record, reader.read(record, persistent::contains));
                return ExitCode.OK;
            }
            // the classes that have records are the persistent ones: one pass to learn them
            Set<String> persistent = new HashSet<>();
            storage.forEachRecord(snapshot, record -> persistent.add(reader.className(record.classId())));
            out.printf("%s, revision %d%n", file, snapshot.revision());
            Progress progress = Progress.onStandardError(err(), "dump", "reading records",
                    storage.recordCount(snapshot));
            storage.forEachRecord(snapshot, record -> {
                out.println();
                print(out, record, reader.read(record, persistent::contains));
                progress.step();
            });
            progress.finish();
        }
        return ExitCode.OK;
    }

    private Snapshot open(FileStorage storage) {
        if (revision == null) {
            return storage.openSnapshot();
        }
        try {
            return storage.openSnapshot(revision);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.NOT_FOUND, file + ": revision " + revision + " is not retained;"
                    + " the file retains " + storage.retainedRevisions().stream()
                            .map(info -> Long.toString(info.revision())).collect(Collectors.joining(", ")), e);
        }
    }

    private static void print(PrintWriter out, Record record, StoredObjectView view) {
        out.printf("oid %s  %s  serial %d  layout %d  %s%n", Figures.oid(record.oid()), view.className(),
                record.serial(), record.classId(), Figures.bytes(record.weight()));
        if (record.references().length > 0) {
            out.printf("  references: %s%n", Arrays.stream(record.references()).mapToObj(Figures::oid)
                    .collect(Collectors.joining(", ")));
        }
        for (Map.Entry<String, Object> field : view.fields().entrySet()) {
            out.printf("  %s = %s%n", field.getKey(), StoredLayoutReader.describe(field.getValue()));
        }
        if (!view.complete()) {
            out.printf("  <%s>%n", view.failure());
        }
    }
}
