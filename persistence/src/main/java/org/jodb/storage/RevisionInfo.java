package org.jodb.storage;

import java.time.Instant;

/**
 * A revision that can still be opened, from {@link Storage#retainedRevisions()}.
 *
 * @param revision  the revision
 * @param committed when its commit was made (the committing machine's clock), or null where the
 *                  storage does not know (the file storage records it for every retained
 *                  revision, except older ones retained in a file of format version 1)
 */
public record RevisionInfo(long revision, Instant committed) {
}
