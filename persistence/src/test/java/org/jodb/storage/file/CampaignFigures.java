package org.jodb.storage.file;

import java.util.ArrayList;
import java.util.List;

/**
 * The counts of one power-cut campaign, and the first failures in full. Not thread-safe.
 */
final class CampaignFigures {
    private static final int FAILURES_KEPT = 5;

    private final String name;
    private final List<String> failures = new ArrayList<>();
    int operations;
    int revisions;
    int cutPoints;
    int images;
    int torn;
    int atAcknowledged;
    int inFlight;
    int creationUnopenable;
    int failed;

    CampaignFigures(String name) {
        this.name = name;
    }

    void count(DiskImage image, ImageOutcome outcome) {
        images++;
        if (image.torn()) {
            torn++;
        }
        if (outcome.ok()) {
            if (outcome.revision() == image.acknowledged()) {
                atAcknowledged++;
            } else {
                inFlight++;
            }
        } else if (ImageChecker.CREATION_UNOPENABLE.equals(outcome.failure())) {
            creationUnopenable++;
        } else {
            failed++;
            if (failures.size() < FAILURES_KEPT) {
                failures.add(image.description() + " (acknowledged " + image.acknowledged() + ", in flight up to "
                        + image.newestPossible() + "): " + outcome.failure());
            }
        }
    }

    List<String> failures() {
        return failures;
    }

    /** One line for the build log. */
    String summary() {
        return String.format("[power-cut] %-22s %5d ops, %3d revisions, %5d cut points, %6d images"
                + " (%5d torn): %6d at the acknowledged revision, %5d at the one in flight, %d unopenable"
                + " (cut while the file was created), %d failed",
                name, operations, revisions, cutPoints, images, torn, atAcknowledged, inFlight,
                creationUnopenable, failed);
    }
}
