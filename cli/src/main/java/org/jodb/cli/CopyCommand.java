package org.jodb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jodb.storage.Record;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.RevisionInfo;
import org.jodb.storage.Snapshot;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;
import org.jodb.storage.file.FileStorageStats;
import org.jodb.storage.file.VerifyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jodb copy SOURCE TARGET}: writes the newest revision (or every retained revision) of a
 * storage file into a new, densely written file, like {@code mdb_copy -c}: same oids, same type
 * catalog ids, same records. The copy is made under a temporary name, verified page by page and
 * record by record against the source, and only then given its name; the source is only read. An
 * interrupted copy leaves no target.
 */
@Command(name = "copy", description = "Copies the newest revision (or all retained revisions) into a new,"
        + " densely written file, verifies the copy against the source and only then names it TARGET.")
final class CopyCommand implements Callable<Integer> {
    /** Records per commit when copying one revision: bounds the memory a copy takes. */
    static final int BATCH_RECORDS = 10_000;
    static final long BATCH_BYTES = 16L << 20;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The storage file to copy.")
    Path source;

    @Parameters(index = "1", paramLabel = "TARGET", description = "The new file; it must not exist.")
    Path target;

    @Option(names = "--all-revisions", description = "Copy every retained revision, oldest first, with its"
            + " commit time (revision numbers start again at 1), instead of the newest only.")
    boolean allRevisions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new CommandFailure(ExitCode.NO_FILE, target + " already exists: copy writes a new file only");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (FileStorage from = StorageFiles.openForReading(source, spec.commandLine().getErr(), "jodb copy: ")) {
            Path directory = target.toAbsolutePath().getParent();
            // a name of its own, created by the storage like any new file (so with the usual permissions)
            Path temporary = directory.resolve(target.getFileName() + "." + Long.toHexString(new SecureRandom().nextLong())
                    + ".copying");
            Thread cleanup = new Thread(() -> deleteQuietly(temporary));
            Runtime.getRuntime().addShutdownHook(cleanup); // Ctrl-C: no half-written target remains
            try {
                CopiedFigures figures = copy(from, temporary);
                Files.createLink(target, temporary); // never replaces a file that appeared meanwhile
                out.printf("copied           %s objects, %d revision%s (source revision %d)%n",
                        Figures.count(figures.objects), figures.revisions, figures.revisions == 1 ? "" : "s",
                        figures.sourceRevision);
                out.printf("file size        %s%n", Figures.change(Figures.bytes(Files.size(source)),
                        Figures.bytes(Files.size(target))));
                out.printf("verified         %s pages sound; every object equal to the source's%n",
                        Figures.count(figures.verified.pageCount()));
            } finally {
                deleteQuietly(temporary);
                Runtime.getRuntime().removeShutdownHook(cleanup);
            }
        }
        return ExitCode.OK.code;
    }

    /** What a finished copy reports. */
    private record CopiedFigures(long objects, int revisions, long sourceRevision, VerifyResult verified) {
    }

    private CopiedFigures copy(FileStorage from, Path temporary) {
        SettableClock clock = new SettableClock();
        FileStorageOptions options = StorageFiles.options().withPageSize(from.stats().pageSize()).withClock(clock);
        if (!allRevisions) {
            options = options.keepRevisions(1); // pages of the batches' revisions are reused at once
        }
        try (FileStorage to = FileStorage.open(temporary, options)) {
            copyCatalog(from, to);
            Writer writer = new Writer(to, clock, allRevisions);
            List<RevisionInfo> revisions = new ArrayList<>(from.retainedRevisions());
            Collections.reverse(revisions); // oldest first
            if (!allRevisions) {
                revisions = revisions.subList(revisions.size() - 1, revisions.size());
            }
            Set<Long> previousOids = new HashSet<>();
            long previousRevision = -1;
            int copied = 0;
            for (RevisionInfo revision : revisions) {
                try (Snapshot snapshot = from.openSnapshot(revision.revision())) {
                    clock.set(revision.committed());
                    Set<Long> oids = new HashSet<>(); // only --all-revisions needs to know what went
                    long changedSince = previousRevision;
                    Progress progress = Progress.onStandardError(spec.commandLine().getErr(), "copy",
                            "copying the records of revision " + revision.revision(), from.recordCount(snapshot));
                    from.forEachRecord(snapshot, record -> {
                        if (allRevisions) {
                            oids.add(record.oid());
                        }
                        if (record.serial() > changedSince) {
                            writer.add(record);
                        }
                        progress.step();
                    });
                    boolean wrote = writer.flush();
                    previousOids.removeAll(oids);
                    if (!previousOids.isEmpty()) {
                        to.collectGarbage(progress); // the source removed them as garbage: so does the copy
                        wrote = true;
                    }
                    progress.finish();
                    copied += wrote ? 1 : 0;
                    previousOids = oids;
                    previousRevision = revision.revision();
                }
            }
            Progress progress = Progress.onStandardError(spec.commandLine().getErr(), "copy");
            FileStorageStats written = to.stats();
            if (written.freePages() + written.pendingPages() > 0) {
                to.compact(progress); // batches or revisions superseded pages; one commit leaves none
            }
            VerifyResult verified = to.verify(progress);
            long objects = compare(from, to, progress);
            progress.finish();
            return new CopiedFigures(objects, copied, previousRevision, verified);
        }
    }

    /** Registers the source's catalog in the copy in the same order, so every id stays the same. */
    private static void copyCatalog(FileStorage from, FileStorage to) {
        for (int id = 1; ; id++) {
            String descriptor;
            try {
                descriptor = from.typeDescriptor(id);
            } catch (IllegalArgumentException end) {
                return;
            }
            int copied = to.typeId(descriptor);
            if (copied != id) {
                throw new IllegalStateException("type " + descriptor + " got id " + copied + " in the copy, not " + id);
            }
        }
    }

    /** Checks the copy's newest revision holds exactly the source's newest objects; returns how many. */
    private long compare(FileStorage from, FileStorage to, Progress progress) {
        try (Snapshot original = from.openSnapshot(); Snapshot copy = to.openSnapshot()) {
            long[] count = new long[1];
            progress.progress("comparing the records with the source's", 0, from.recordCount(original));
            from.forEachRecord(original, record -> {
                progress.step();
                Record copied = copy.load(record.oid());
                if (copied == null || copied.classId() != record.classId()
                        || !Arrays.equals(copied.references(), record.references())
                        || !Arrays.equals(copied.payload(), record.payload())) {
                    throw new CommandFailure(ExitCode.FAILED, "the copy's object " + Figures.oid(record.oid())
                            + " differs from the source's; the copy was not kept");
                }
                count[0]++;
            });
            long copies = to.recordCount(copy);
            if (copies != count[0]) {
                throw new CommandFailure(ExitCode.FAILED, "the copy holds " + copies + " objects, the source "
                        + count[0] + "; the copy was not kept");
            }
            return count[0];
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the temporary file stays; its name says what it is
        }
    }

    /** Commits the records of one source revision in batches, keeping oids and serials in step. */
    private static final class Writer {
        private final FileStorage to;
        private final SettableClock clock;
        /** Whether writes are based on the copy's serials (revision by revision), else all new. */
        private final boolean keepSerials;
        private final Map<Long, Long> serials = new HashMap<>();
        private final List<RecordWrite> batch = new ArrayList<>();
        private long batchBytes;
        private long allocated = 1;
        private boolean wrote;

        Writer(FileStorage to, SettableClock clock, boolean keepSerials) {
            this.to = to;
            this.clock = clock;
            this.keepSerials = keepSerials;
        }

        void add(Record record) {
            long base = keepSerials ? serials.getOrDefault(record.oid(), 0L) : 0;
            batch.add(new RecordWrite(record.oid(), base, record.classId(), record.references(), record.payload()));
            batchBytes += record.weight();
            if (!keepSerials && (batch.size() >= BATCH_RECORDS || batchBytes >= BATCH_BYTES)) {
                commit();
            }
        }

        /** Commits what is left; true if this revision wrote anything. */
        boolean flush() {
            if (!batch.isEmpty()) {
                commit();
            }
            boolean any = wrote;
            wrote = false;
            return any;
        }

        private void commit() {
            long highest = batch.get(batch.size() - 1).oid(); // records come in oid order
            while (allocated < highest) {
                allocated = to.newOid(); // the copy must never hand out an oid the source used
            }
            long revision = to.commit(batch);
            if (keepSerials) {
                batch.forEach(write -> serials.put(write.oid(), revision));
            }
            batch.clear();
            batchBytes = 0;
            wrote = true;
            clock.tick();
        }
    }
}
