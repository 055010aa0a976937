package org.jodb.storage.file;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jodb.storage.Record;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.RevisionInfo;
import org.jodb.storage.Snapshot;

/**
 * Opens a {@link DiskImage} with {@link FileStorage} (in memory, through the page channel seam) and
 * checks it: it opens, {@link FileStorage#verify()} passes, the newest revision is at least the one
 * acknowledged before the cut and at most the one in flight, and it holds exactly that revision's
 * records (nothing partial, nothing extra) and their types; every retained older revision holds
 * exactly its own records, and the newest {@code keepRevisions} are all retained. Then it takes a
 * commit ({@link #probeProblem}). With compact-on-open, a copy of the image is also opened that
 * way and must hold the same records.
 *
 * <p>A cut while the file was first created, before anything was acknowledged, may leave a file
 * that does not open (see {@link #CREATION_UNOPENABLE}); nothing was ever promised about it.
 */
final class ImageChecker {
    /** The failure text of an image cut during creation that does not open; counted apart. */
    static final String CREATION_UNOPENABLE = "cut while the file was created: it does not open";

    private final FileStorageOptions options;
    private final ExpectedRevisions expected;
    private final Path name;

    ImageChecker(Path name, FileStorageOptions options, ExpectedRevisions expected) {
        this.name = name;
        this.options = options;
        this.expected = expected;
    }

    ImageOutcome check(DiskImage image) {
        // Checked as the cut left it; a compact-on-open then runs on a copy (it writes).
        MemoryFile compactable = options.compactOnOpen() ? image.file().copy() : null;
        ImageOutcome outcome = checkOpened(image, image.file(), options.compactOnOpen(false), -1);
        if (outcome.ok() && compactable != null) {
            ImageOutcome compacted = checkOpened(image, compactable, options, outcome.revision());
            if (!compacted.ok()) {
                return ImageOutcome.failed(outcome.revision(), "after compact-on-open: " + compacted.failure());
            }
        }
        return outcome;
    }

    /** {@code cutRevision}: the revision the image held, if the open compacts it (else -1). */
    private ImageOutcome checkOpened(DiskImage image, MemoryFile file, FileStorageOptions openWith,
            long cutRevision) {
        FileStorage storage;
        try {
            storage = FileStorage.open(PageFile.overChannel(name, new MemoryPageChannel(file)), openWith);
        } catch (RuntimeException e) {
            if (image.acknowledged() < 0) {
                return ImageOutcome.failed(-1, CREATION_UNOPENABLE);
            }
            return ImageOutcome.failed(-1, "does not open: " + e);
        }
        try {
            long revision = storage.lastRevision();
            String problem = cutRevision >= 0 ? compactedProblem(storage, cutRevision)
                    : problem(storage, image, revision);
            if (problem != null) {
                return ImageOutcome.failed(revision, problem);
            }
            if (revision < image.acknowledged()) {
                return ImageOutcome.stale(revision, "opened at revision " + revision + ", but revision "
                        + image.acknowledged() + " was acknowledged before the cut");
            }
            return ImageOutcome.passed(revision);
        } catch (RuntimeException | AssertionError e) {
            return ImageOutcome.failed(-1, e.toString());
        } finally {
            storage.close();
        }
    }

    /** What is wrong with the image besides being older than acknowledged (checked last). */
    private String problem(FileStorage storage, DiskImage image, long revision) {
        if (revision > image.newestPossible()) {
            return "opened at revision " + revision + ", newer than any in flight ("
                    + image.newestPossible() + ")";
        }
        String problem = contentProblem(storage, expected.at(revision));
        if (problem == null) {
            problem = retainedProblem(storage, revision);
        }
        if (problem == null) {
            problem = probeProblem(storage, revision);
        }
        return problem;
    }

    /**
     * Each retained revision up to {@code newest} holds exactly its records, and those of them the
     * newest {@code keepRevisions} include are there.
     */
    private String retainedProblem(FileStorage storage, long newest) {
        Set<Long> retained = new TreeSet<>();
        for (RevisionInfo info : storage.retainedRevisions()) {
            if (info.revision() > newest) {
                continue;
            }
            retained.add(info.revision());
            try (Snapshot snapshot = storage.openSnapshot(info.revision())) {
                String difference = RevisionContent.difference(expected.at(info.revision()), expected.oids(),
                        snapshot);
                if (difference != null) {
                    return "retained " + difference;
                }
            }
        }
        long windowStart = storage.lastRevision() - options.keepRevisions() + 1;
        for (long kept = Math.max(0, windowStart); kept <= newest; kept++) {
            if (!retained.contains(kept)) {
                return "revision " + kept + " should be retained (keepRevisions " + options.keepRevisions()
                        + "), retained are " + retained;
            }
        }
        return null;
    }

    /**
     * The recovered storage takes a commit: a new object under a fresh oid (an oid the recovered
     * revision already uses would conflict), after which verify passes, the object reads back and
     * the retained revisions are intact (the commit reused only truly free pages).
     */
    private String probeProblem(FileStorage storage, long revision) {
        byte[] payload = ("probe after revision " + revision).getBytes(StandardCharsets.UTF_8);
        long oid = storage.newOid();
        long probe = storage.commit(List.of(new RecordWrite(oid, 0, storage.typeId("power-cut-probe"),
                new long[0], payload)));
        storage.verify();
        try (Snapshot snapshot = storage.openSnapshot(probe)) {
            Record record = snapshot.load(oid);
            if (record == null || !Arrays.equals(record.payload(), payload)) {
                return "a commit after recovery does not read back";
            }
        }
        String problem = retainedProblem(storage, revision);
        return problem == null ? null : "after a commit on the recovered file: " + problem;
    }

    /** After compact-on-open: revisions of its own on top of the cut's, with the same records. */
    private String compactedProblem(FileStorage storage, long cutRevision) {
        if (storage.lastRevision() < cutRevision) {
            return "compact-on-open went back from revision " + cutRevision + " to " + storage.lastRevision();
        }
        return contentProblem(storage, expected.at(cutRevision));
    }

    /** Verify passes and the newest revision holds exactly {@code content} and its types. */
    private String contentProblem(FileStorage storage, Map<Long, Record> content) {
        VerifyResult verified = storage.verify();
        if (verified.records() != content.size()) {
            return "revision " + verified.revision() + " holds " + verified.records() + " records, expected "
                    + content.size();
        }
        for (Record record : content.values()) {
            String descriptor = storage.typeDescriptor(record.classId());
            if (!descriptor.equals(expected.descriptor(record.classId()))) {
                return "type " + record.classId() + " is " + descriptor + ", expected "
                        + expected.descriptor(record.classId());
            }
        }
        try (Snapshot snapshot = storage.openSnapshot()) {
            return RevisionContent.difference(content, expected.oids(), snapshot);
        }
    }
}
