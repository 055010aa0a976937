package org.jodb.tracking;

import org.jodb.ConflictException;
import org.jodb.cache.PersistentObject;
import org.jodb.cache.StateCodes;
import org.jodb.cache.StateManager;
import org.jodb.storage.Record;

/** Tells a tracked container's owner about a change or an untracked view. */
final class OwnerNotice {
    private OwnerNotice() {
    }

    /**
     * Marks {@code owner} CHANGED after a change to one of its containers, as a field write does.
     * Nothing happens for a container filled without an owner, or whose owner is CHANGED already.
     *
     * @throws IllegalStateException if the owner is a ghost: its state was dropped (evicted,
     *                               deactivated, aborted, or changed by another transaction) after
     *                               this container was read, so the container is no longer what its
     *                               record holds and the change cannot be kept
     * @throws ConflictException     if marking the owner began a transaction in which another
     *                               transaction's commit of the owner replaced its state, for the
     *                               same reason
     */
    static void changed(PersistentObject owner) {
        StateManager manager = managerOfLoaded(owner);
        if (manager == null) {
            return;
        }
        long serial = owner.$jodbSerial();
        manager.beforeWrite(owner);
        if (owner.$jodbSerial() != serial) {
            throw new ConflictException(owner.$jodbOid(), serial, owner.$jodbSerial(), describe(owner)
                    + " was changed after another transaction committed a newer state of that object;"
                    + " the change was not kept");
        }
    }

    /** {@link #changed} if {@code changed}; returns {@code changed}. */
    static boolean changedIf(PersistentObject owner, boolean changed) {
        if (changed) {
            changed(owner);
        }
        return changed;
    }

    /** Asks the owner's connection to compare {@code owner} at commit: a view it cannot track was handed out. */
    static void untrackedView(PersistentObject owner) {
        if (owner == null || owner.$jodbState() == StateCodes.GHOST) {
            return; // a detached container: its owner has nothing of it to compare
        }
        StateManager manager = managerOfLoaded(owner);
        if (manager != null) {
            manager.compareAtCommit(owner);
        }
    }

    /** The manager of {@code owner} if it is loaded and not already CHANGED, else null; see {@link #changed}. */
    private static StateManager managerOfLoaded(PersistentObject owner) {
        if (owner == null) {
            return null;
        }
        byte code = owner.$jodbState();
        if (code == StateCodes.GHOST) {
            throw new IllegalStateException(describe(owner) + " was changed after that object's state was"
                    + " dropped (evicted, deactivated, aborted or changed by another transaction);"
                    + " the change cannot be kept: take the collection from the object again");
        }
        return code == StateCodes.CHANGED ? null : owner.$jodbManager(); // CHANGED is also TRANSIENT
    }

    private static String describe(PersistentObject owner) {
        return "a collection of object " + Record.hex(owner.$jodbOid()) + " (" + owner.getClass().getName() + ")";
    }
}
