package org.jodb.storage;

/**
 * The outcome of {@link Storage#collectGarbage()}.
 *
 * @param markedRevision the revision whose object graph was marked from the root
 * @param revision       the (last) revision that removed the garbage, or the newest revision
 *                       when nothing was removed (then no revision was created)
 * @param liveObjects    objects reachable from the root when the removal committed
 * @param removedObjects objects removed: unreachable at {@code markedRevision} and neither
 *                       written nor made reachable by a commit since
 */
public record GcResult(long markedRevision, long revision, long liveObjects, long removedObjects) {
}
