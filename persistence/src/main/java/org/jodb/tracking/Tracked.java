package org.jodb.tracking;

import org.jodb.cache.PersistentObject;

/**
 * A container that reports changes made through it to the persistent object whose record holds
 * it. Like the persistent object, confined to one thread at a time.
 */
public interface Tracked {
    /**
     * Starts reporting changes to {@code owner}; called by the codec once the container is filled
     * from a record (filling it reports nothing).
     */
    void trackChangesOf(PersistentObject owner);

    /**
     * Whether every change to this container's contents is reported to {@code owner}: it reports to
     * that object and has handed out no view it cannot track (a sub-list).
     */
    boolean tracksEveryChangeOf(PersistentObject owner);
}
