package org.jodb;

import java.time.Instant;

/**
 * One stored version of an object, from {@link Database#history(long)}.
 *
 * @param revision  the revision that wrote this version (the record's serial); open it with
 *                  {@link Database#openAt(long)} while it is retained
 * @param committed that revision's commit time, or null if the storage no longer knows it (the
 *                  version is still readable from a later retained revision)
 */
public record ObjectVersion(long revision, Instant committed) {
}
