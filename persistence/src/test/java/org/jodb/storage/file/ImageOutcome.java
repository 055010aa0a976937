package org.jodb.storage.file;

/**
 * What checking one disk image found.
 *
 * @param revision the revision the image opened at (-1 if it did not open)
 * @param failure  what is wrong with the image, or null if it holds a revision it may hold
 */
record ImageOutcome(long revision, String failure) {
    static ImageOutcome passed(long revision) {
        return new ImageOutcome(revision, null);
    }

    static ImageOutcome failed(long revision, String failure) {
        return new ImageOutcome(revision, failure);
    }

    boolean ok() {
        return failure == null;
    }
}
