package org.jodb.storage.memory;

/**
 * A record version that a commit replaced: it is visible exactly to the revisions in
 * {@code [created, superseded)}, so it must be held while one of them is pinned or retained.
 *
 * @param oid        the object
 * @param created    the revision that wrote the version (its serial)
 * @param superseded the revision that wrote the next version of the object
 */
record SupersededVersion(long oid, long created, long superseded) {
}
