package org.jodb.storage;

import java.time.Instant;

/**
 * A revision that can still be opened, from {@link Storage#retainedRevisions()}.
 *
 * @param revision  the revision
 * @param committed when its commit was made (the committing machine's clock), or null where the
 *                  storage no longer knows (the file storage keeps the time of older retained
 *                  revisions in memory only, so after a restart it knows only the newest's)
 */
public record RevisionInfo(long revision, Instant committed) {
}
