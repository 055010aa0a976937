package org.jodb;

import java.util.ArrayList;
import java.util.List;
import org.jodb.cache.PersistentObject;
import org.jodb.cache.StateCodes;
import org.jodb.serialization.StateDigest;

/**
 * A session's detection of changes made in place, without a field write. An object whose class
 * can change in place ({@link StateDigest#isWatched}) gets a baseline when it is loaded or
 * committed ({@link StateDigest#baseline}, kept in the object): 0 when every in-place-changeable
 * value in its state is a tracked collection that marks it CHANGED itself
 * ({@link org.jodb.tracking.Tracked}), else the digest of that state. Objects with a digest that
 * are used in the current transaction are remembered here and compared at commit, savepoint and
 * {@code minimize()}; the session marks those that differ CHANGED, and reverts them at abort and
 * rollback. An object whose tracked collection hands out a view it cannot track gets a digest
 * from then on ({@link #compareFromNow}).
 *
 * <p>So an object with tracked collections costs nothing at commit, an object with arrays, plain
 * nested objects or untracked collections one walk of its in-place-changeable fields, and objects
 * merely in the cache nothing. Not thread-safe: one per session.
 */
final class InPlaceChanges {
    private final boolean enabled;
    private final StateDigest digests = new StateDigest();
    private final List<PersistentObject> watched = new ArrayList<>();

    /** Detection for a database; {@code enabled} false ({@link DatabaseOptions#changeDetection}) does nothing. */
    InPlaceChanges(boolean enabled) {
        this.enabled = enabled;
    }

    /** Records that {@code object} was used in this transaction, to compare it later if it has a digest. */
    void watch(PersistentObject object) {
        if (object.$jodbDigest() != 0) { // only set when detection is enabled for its class
            watched.add(object);
        }
    }

    /** Takes the baseline of an object just loaded or committed. */
    void remember(PersistentObject object) {
        if (isWatched(object)) {
            object.$jodbDigest(digests.baseline(object));
        }
    }

    /**
     * Compares {@code object} (loaded, used in this transaction, not CHANGED) at commit from now on,
     * with its state as of now: a tracked collection of it handed out a view it cannot track.
     */
    void compareFromNow(PersistentObject object) {
        if (isWatched(object) && object.$jodbDigest() == 0) {
            object.$jodbDigest(digests.baseline(object)); // not 0: the collection no longer tracks every change
            watch(object);
        }
    }

    /**
     * The objects used in this transaction that are loaded, not CHANGED, and differ from their
     * baseline; an object reloaded within the transaction may appear twice.
     */
    List<PersistentObject> changed() {
        List<PersistentObject> found = new ArrayList<>();
        for (PersistentObject object : watched) {
            if (isChanged(object)) {
                found.add(object);
            }
        }
        return found;
    }

    /** Whether {@code object} is loaded, not CHANGED, has a digest, and its state differs from it. */
    boolean isChanged(PersistentObject object) {
        byte code = object.$jodbState();
        boolean loadedUnchanged = code == StateCodes.ACCESSED || code == StateCodes.STICKY
                || code == StateCodes.UPTODATE || code == StateCodes.STICKY_UNUSED;
        long baseline = object.$jodbDigest();
        return loadedUnchanged && baseline != 0 && isWatched(object) && digests.of(object) != baseline;
    }

    /** Forgets the transaction's objects (at its end). */
    void clear() {
        watched.clear();
    }

    private boolean isWatched(PersistentObject object) {
        return enabled && StateDigest.isWatched(object.getClass());
    }
}
