package org.jodb.storage;

/**
 * The oids written by one committed revision, used to invalidate cached objects.
 *
 * @param revision the revision
 * @param oids     the oids it wrote or deleted
 */
public record RevisionChanges(long revision, long[] oids) {
}
