package org.jodb.cache;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One connection's identity map and recency ring: ZODB's pickle cache for the JVM.
 *
 * <p>Every persistent object the connection knows is reachable here by oid, but only weakly: a
 * ghost nobody references is collected by the JVM and its entry disappears. Loaded objects are
 * also linked into an intrusive recency ring (through their {@code $jodbPrev/$jodbNext} fields,
 * so an access moves an object to the front in O(1) without allocating), which holds them
 * strongly until {@link #collect} turns the least recently used ones back into ghosts.
 *
 * <p>Not thread-safe: a cache belongs to one connection, used by one thread at a time.
 */
public final class ObjectCache {
    private final Map<Long, OidReference> byOid = new HashMap<>();
    private final ReferenceQueue<PersistentObject> collected = new ReferenceQueue<>();
    private final RingHead ring = new RingHead();
    private int loadedCount;
    private long loadedBytes;
    private int accessedSinceReset;

    private long hits;
    private long misses;
    private long evictions;

    /** The object with this oid if the connection still has it in memory (loaded or ghost). */
    public PersistentObject get(long oid) {
        expungeCollected();
        OidReference ref = byOid.get(oid);
        PersistentObject object = ref == null ? null : ref.get();
        if (object == null) {
            misses++;
        } else {
            hits++;
        }
        return object;
    }

    /** Adds an object with an oid to the identity map (as it is: ghost or loaded). */
    public void put(PersistentObject object) {
        expungeCollected();
        long oid = object.$jodbOid();
        if (oid == 0) {
            throw new IllegalArgumentException("object of " + object.getClass().getName() + " has no oid");
        }
        byOid.put(oid, new OidReference(oid, object, collected));
    }

    /** Forgets an object entirely (an aborted new object). */
    public void remove(PersistentObject object) {
        unlink(object);
        OidReference ref = byOid.get(object.$jodbOid());
        if (ref != null && ref.get() == object) {
            byOid.remove(object.$jodbOid());
        }
    }

    /** Records that an object was just loaded ({@code bytes} = its estimated size) and used. */
    public void loaded(PersistentObject object, int bytes) {
        unlink(object);
        object.$jodbSize(bytes);
        linkFront(object);
        loadedCount++;
        loadedBytes += bytes;
        accessedSinceReset++;
    }

    /** Updates a loaded object's size estimate (after a commit rewrote it). */
    public void resized(PersistentObject object, int bytes) {
        if (object.$jodbNext() != null) {
            loadedBytes += bytes - object.$jodbSize();
        }
        object.$jodbSize(bytes);
    }

    /** Records a use of a loaded object: it moves to the front of the recency ring. */
    public void accessed(PersistentObject object) {
        if (object.$jodbNext() == null) {
            return; // not in the ring (a sticky or new object the cache never saw loaded)
        }
        unlinkOnly(object);
        linkFront(object);
        accessedSinceReset++;
    }

    /** Records that an object became a ghost: it leaves the ring and is then held only weakly. */
    public void ghosted(PersistentObject object) {
        unlink(object);
    }

    /**
     * Ends a transaction's bookkeeping: objects used in it go back to "not yet used" so that their
     * first use in the next transaction is seen again. Costs O(objects used), not O(cache).
     */
    public void resetAccessed() {
        PersistentObject node = ring.$jodbNext();
        for (int i = 0; i < accessedSinceReset && node != ring; i++) {
            if (node.$jodbState() == StateCodes.ACCESSED) {
                node.$jodbState(StateCodes.UPTODATE);
            }
            node = node.$jodbNext();
        }
        accessedSinceReset = 0;
    }

    /**
     * Turns least recently used objects into ghosts (through {@code deactivate}) until at most
     * {@code targetCount} objects and {@code targetBytes} estimated bytes stay loaded. CHANGED and
     * STICKY objects are skipped, never evicted.
     */
    public void collect(int targetCount, long targetBytes, Consumer<PersistentObject> deactivate) {
        PersistentObject node = ring.$jodbPrev();
        while (node != ring && (loadedCount > targetCount || loadedBytes > targetBytes)) {
            PersistentObject previous = node.$jodbPrev();
            byte code = node.$jodbState();
            if (code == StateCodes.UPTODATE || code == StateCodes.ACCESSED) {
                deactivate.accept(node);
                evictions++;
            }
            node = previous;
        }
    }

    /** Every loaded object, most recently used first (a copy, safe to modify the cache meanwhile). */
    public List<PersistentObject> loadedObjects() {
        List<PersistentObject> objects = new ArrayList<>(loadedCount);
        for (PersistentObject node = ring.$jodbNext(); node != ring; node = node.$jodbNext()) {
            objects.add(node);
        }
        return objects;
    }

    /** Every object still in memory, loaded or ghost. */
    public List<PersistentObject> allObjects() {
        expungeCollected();
        List<PersistentObject> objects = new ArrayList<>(byOid.size());
        for (OidReference ref : byOid.values()) {
            PersistentObject object = ref.get();
            if (object != null) {
                objects.add(object);
            }
        }
        return objects;
    }

    /** Counts and totals; see {@link CacheStats}. */
    public CacheStats stats() {
        expungeCollected();
        return new CacheStats(loadedCount, byOid.size() - loadedCount, loadedBytes, hits, misses, evictions);
    }

    private void linkFront(PersistentObject object) {
        PersistentObject first = ring.$jodbNext();
        object.$jodbPrev(ring);
        object.$jodbNext(first);
        first.$jodbPrev(object);
        ring.$jodbNext(object);
    }

    private void unlink(PersistentObject object) {
        if (object.$jodbNext() != null) {
            unlinkOnly(object);
            loadedCount--;
            loadedBytes -= object.$jodbSize();
        }
    }

    private void unlinkOnly(PersistentObject object) {
        PersistentObject previous = object.$jodbPrev();
        PersistentObject next = object.$jodbNext();
        previous.$jodbNext(next);
        next.$jodbPrev(previous);
        object.$jodbPrev(null);
        object.$jodbNext(null);
    }

    private void expungeCollected() {
        for (Object stale; (stale = collected.poll()) != null; ) {
            OidReference ref = (OidReference) stale;
            if (byOid.get(ref.oid) == ref) {
                byOid.remove(ref.oid);
            }
        }
    }

    /** A weak map value that remembers its key, so a collected entry can be removed. */
    private static final class OidReference extends WeakReference<PersistentObject> {
        final long oid;

        OidReference(long oid, PersistentObject object, ReferenceQueue<PersistentObject> queue) {
            super(object, queue);
            this.oid = oid;
        }
    }
}
