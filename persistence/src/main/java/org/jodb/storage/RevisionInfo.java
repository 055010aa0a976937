package org.jodb.storage;

import java.time.Instant;

/**
 * A revision that can still be opened, from {@link Storage#retainedRevisions()}.
 *
 * @param revision  the revision
 * @param committed when its commit was made (the committing machine's clock)
 */
public record RevisionInfo(long revision, Instant committed) {
}
