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
 * <p>An image without a file under the name (the cut came before the creation's name was durable)
 * passes only if nothing was acknowledged yet, i.e. the open that created the file had not
 * returned; it is then opened as an absent file is, which creates it, and checked the same way.
 */
final class ImageChecker {
    /** How the failure of an image that does not open starts; counted apart. */
    static final String DOES_NOT_OPEN = "does not open: ";

    private final FileStorageOptions options;
    private final ExpectedRevisions expected;
    private final Path name;

    ImageChecker(Path name, FileStorageOptions options, ExpectedRevisions expected) {
        this.name = name;
        this.options = options;
        this.expected = expected;
    }

    ImageOutcome check(DiskImage image) {
        if (image.file() == null && image.acknowledged() >= 0) {
            return ImageOutcome.failed(-1, "no file under the name, though its creation had completed"
                    + " (revision " + image.acknowledged() + " was acknowledged before the cut)");
        }
        // Checked as the cut left it; a compact-on-open then runs on a copy (it writes).
        MemoryFile compactable = image.file() == null ? null : image.file().copy();
        ImageOutcome outcome = checkOpened(image, new MemoryDirectory(name, image.file()),
                options.compactOnOpen(false), -1);
        if (outcome.ok() && options.compactOnOpen()) {
            ImageOutcome compacted = checkOpened(image, new MemoryDirectory(name, compactable), options,
                    outcome.revision());
            if (!compacted.ok()) {
                return ImageOutcome.failed(outcome.revision(), "after compact-on-open: " + compacted.failure());
            }
        }
        return outcome;
    }

    /** {@code cutRevision}: the revision the image held, if the open compacts it (else -1). */
    private ImageOutcome checkOpened(DiskImage image, StorageDirectory directory, FileStorageOptions openWith,
            long cutRevision) {
        FileStorage storage;
        try {
            storage = FileStorage.open(directory, openWith);
        } catch (RuntimeException e) {
            return ImageOutcome.failed(-1, DOES_NOT_OPEN + e);
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
