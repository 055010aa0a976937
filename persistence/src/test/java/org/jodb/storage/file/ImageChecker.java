package org.jodb.storage.file;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jodb.storage.Record;
import org.jodb.storage.RevisionInfo;
import org.jodb.storage.Snapshot;

/**
 * Opens a {@link DiskImage} with {@link FileStorage} (in memory, through the page channel seam) and
 * checks it: it opens, {@link FileStorage#verify()} passes, the newest revision is at least the one
 * acknowledged before the cut and at most the one in flight, and it holds exactly that revision's
 * records (nothing partial, nothing extra) and their types; every retained older revision holds
 * exactly its own records, and the newest {@code keepRevisions} are all retained.
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
            return problem == null ? ImageOutcome.passed(revision) : ImageOutcome.failed(revision, problem);
        } catch (RuntimeException | AssertionError e) {
            return ImageOutcome.failed(-1, e.toString());
        } finally {
            storage.close();
        }
    }

    private String problem(FileStorage storage, DiskImage image, long revision) {
        if (revision < image.acknowledged()) {
            return "opened at revision " + revision + ", but revision " + image.acknowledged()
                    + " was acknowledged before the cut";
        }
        if (revision > image.newestPossible()) {
            return "opened at revision " + revision + ", newer than any in flight ("
                    + image.newestPossible() + ")";
        }
        String problem = contentProblem(storage, expected.at(revision));
        if (problem != null) {
            return problem;
        }
        Set<Long> retained = new TreeSet<>();
        for (RevisionInfo info : storage.retainedRevisions()) {
            retained.add(info.revision());
            try (Snapshot snapshot = storage.openSnapshot(info.revision())) {
                String difference = RevisionContent.difference(expected.at(info.revision()), expected.oids(),
                        snapshot);
                if (difference != null) {
                    return "retained " + difference;
                }
            }
        }
        for (long kept = Math.max(0, revision - options.keepRevisions() + 1); kept <= revision; kept++) {
            if (!retained.contains(kept)) {
                return "revision " + kept + " should be retained (keepRevisions " + options.keepRevisions()
                        + "), retained are " + retained;
            }
        }
        return null;
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
