package org.jodb;

import java.util.ArrayList;
import java.util.List;
import org.jodb.cache.PersistentObject;
import org.jodb.cache.StateCodes;
import org.jodb.serialization.StateDigest;

/**
 * A session's detection of changes made in place, without a field write: it remembers the objects
 * used in the current transaction whose class can change in place ({@link StateDigest#isWatched}),
 * each with the digest of its state when it was loaded or last committed (kept in the object), and
 * finds those whose state differs now. The session marks them CHANGED at commit, savepoint and
 * {@code minimize()}, and reverts them at abort and rollback.
 *
 * <p>Only objects used in the transaction are compared: the cost is one walk of their
 * in-place-changeable fields, and objects merely in the cache cost nothing.
 * Not thread-safe: one per session.
 */
final class InPlaceChanges {
    private final boolean enabled;
    private final StateDigest digests = new StateDigest();
    private final List<PersistentObject> watched = new ArrayList<>();

    /** Detection for a database; {@code enabled} false ({@link DatabaseOptions#changeDetection}) does nothing. */
    InPlaceChanges(boolean enabled) {
        this.enabled = enabled;
    }

    /** Records that {@code object} was used in this transaction, to compare it later. */
    void watch(PersistentObject object) {
        if (isWatched(object)) {
            watched.add(object);
        }
    }

    /** Takes the baseline of an object just loaded or committed. */
    void remember(PersistentObject object) {
        if (isWatched(object)) {
            object.$jodbDigest(digests.of(object));
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

    /** Whether {@code object} is loaded, not CHANGED, and its state differs from its baseline. */
    boolean isChanged(PersistentObject object) {
        byte code = object.$jodbState();
        boolean loadedUnchanged = code == StateCodes.ACCESSED || code == StateCodes.STICKY
                || code == StateCodes.UPTODATE || code == StateCodes.STICKY_UNUSED;
        return loadedUnchanged && isWatched(object) && digests.of(object) != object.$jodbDigest();
    }

    /** Forgets the transaction's objects (at its end). */
    void clear() {
        watched.clear();
    }

    private boolean isWatched(PersistentObject object) {
        return enabled && StateDigest.isWatched(object.getClass());
    }
}
