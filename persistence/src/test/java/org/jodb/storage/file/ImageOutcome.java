package org.jodb.storage.file;

/**
 * What checking one disk image found.
 *
 * @param revision the revision the image opened at (-1 if it did not open)
 * @param failure  what is wrong with the image, or null if it holds a revision it may hold
 * @param stale    whether the only thing wrong is that it is an older revision than acknowledged
 *                 (consistent, exact, but a durable commit is lost)
 */
record ImageOutcome(long revision, String failure, boolean stale) {
    static ImageOutcome passed(long revision) {
        return new ImageOutcome(revision, null, false);
    }

    static ImageOutcome failed(long revision, String failure) {
        return new ImageOutcome(revision, failure, false);
    }

    static ImageOutcome stale(long revision, String failure) {
        return new ImageOutcome(revision, failure, true);
    }

    boolean ok() {
        return failure == null;
    }
}
