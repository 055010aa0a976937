package org.jodb.storage.file;

import java.util.ArrayList;
import java.util.List;

/**
 * The counts of one power-cut campaign, and the first failures in full. Not thread-safe.
 */
final class CampaignFigures {
    /** Failures kept in full, of each kind (stale, other). */
    private static final int FAILURES_KEPT = 3;

    private final String name;
    private final List<String> failures = new ArrayList<>();
    private final List<String> staleFailures = new ArrayList<>();
    int operations;
    /** Syncs of the file in the log: with one per commit, fewer than the revisions means groups formed. */
    int forces;
    long lastRevision;
    int cutPoints;
    int images;
    int torn;
    int atAcknowledged;
    int inFlight;
    /** Whether the workload created its file (else it started from a file on the disk). */
    boolean createsFile;
    int noFileYet;
    int failed;
    int unopenable;
    int failedStale;

    CampaignFigures(String name) {
        this.name = name;
    }

    void count(DiskImage image, ImageOutcome outcome) {
        images++;
        if (image.torn()) {
            torn++;
        }
        if (outcome.ok()) {
            if (image.file() == null) {
                noFileYet++;
            } else if (outcome.revision() == image.acknowledged()) {
                atAcknowledged++;
            } else {
                inFlight++;
            }
        } else {
            failed++;
            if (outcome.failure().startsWith(ImageChecker.DOES_NOT_OPEN)) {
                unopenable++;
            }
            if (outcome.stale()) {
                failedStale++;
            }
            List<String> kept = outcome.stale() ? staleFailures : failures;
            if (kept.size() < FAILURES_KEPT) {
                kept.add(image.description() + " (acknowledged " + image.acknowledged() + ", in flight up to "
                        + image.newestPossible() + "): " + outcome.failure());
            }
        }
    }

    /** The first failures in full: those of an inconsistent or unopenable image, then stale ones. */
    List<String> failures() {
        List<String> all = new ArrayList<>(failures);
        all.addAll(staleFailures);
        return all;
    }

    /** One line for the build log. */
    String summary() {
        return String.format("[power-cut] %-22s %5d ops (%3d forces) up to revision %3d, %5d cut points, %6d images"
                + " (%5d torn): %6d at the acknowledged revision, %5d at the one in flight, %d with no file"
                + " yet (cut before its creation completed; the next open created it), %d failed"
                + " (%d of them unopenable, %d an exact but older revision)",
                name, operations, forces, lastRevision, cutPoints, images, torn, atAcknowledged, inFlight,
                noFileYet, failed, unopenable, failedStale);
    }
}
