package org.jodb.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One connection's identity map and recency rings: ZODB's pickle cache for the JVM.
 *
 * <p><b>Identity map.</b> Every persistent object the connection knows is reachable by oid, but
 * only weakly ({@link OidTable}): a ghost nobody references is collected by the JVM and its entry
 * disappears. Bookkeeping is one 32-byte weak reference and a few bytes of table per object.
 *
 * <p><b>Eviction: segmented LRU with ghost history (2Q-like).</b> Loaded objects are held strongly
 * in one of two intrusive rings linked through their own {@code $jodbPrev/$jodbNext} fields, so
 * every move is O(1) and allocates nothing. A loaded object enters <em>probation</em>; its first
 * use in a later transaction promotes it to <em>protected</em>, which may hold
 * {@value #PROTECTED_PERCENT}% of the targets; at a boundary the protected overflow is demoted to
 * the front of probation and objects are evicted from the probation tail first. A one-pass scan
 * therefore only churns probation and never flushes the hot set in protected, which plain LRU
 * does. Promotion needs a re-use, and a re-use may come after the object was already evicted
 * (the scan between two uses is longer than the cache): like 2Q's A1out list, the cache remembers
 * recent evictions, but for free, in the ghost itself: a ghost's size field holds the eviction
 * clock at which it was evicted, and a ghost reloaded within {@value #HISTORY_TARGETS} targets'
 * worth of evictions enters protected directly. CLOCK-Pro and W-TinyLFU would need extra
 * per-object or per-cache state (non-resident entries, a frequency sketch) for a similar effect.
 *
 * <p>The size field of a loaded object holds its estimated bytes, with the sign bit set while it
 * is in protected. CHANGED and STICKY objects are never evicted. Uses are reported only on an
 * object's first use in a transaction (the enhanced read path stays one branch), so recency has
 * transaction granularity, as in ZODB.
 *
 * <p>Not thread-safe: a cache belongs to one connection, used by one thread at a time.
 */
public final class ObjectCache {
    static final int PROTECTED_PERCENT = 80;
    static final int HISTORY_TARGETS = 4;
    private static final int PROTECTED_BIT = 0x8000_0000;
    private static final int STAMP_MASK = 0x7fff_ffff;

    private final EvictionPolicy policy;
    private final SizeEstimator estimator;
    private final OidTable byOid = new OidTable();
    private final ObjectCacheView view = new ObjectCacheView(this);
    private final RecencySegment probation = new RecencySegment();
    private final RecencySegment protectedSegment = new RecencySegment();
    private final UsedObjects used = new UsedObjects();
    /** Ghostings since {@link #used} was last compacted; see {@link #ghosted}. */
    private int ghostedSinceRetain;
    private static final int MIN_GHOSTS_BEFORE_RETAIN = 64;
    /**
     * Counts evictions, modulo 2^31 and skipping 0; a ghost's size field holds its value at the
     * ghost's eviction (0: never loaded), so a reload can tell how long ago that was.
     */
    private int evictionClock = 1;
    /** Evictions since which a reloaded ghost counts as re-used: {@value #HISTORY_TARGETS} targets. */
    private int historyWindow = 1;

    private long hits;
    private long misses;
    private long loads;
    private long evictions;

    /** A cache with the given policy, estimating sizes with {@code estimator}. */
    public ObjectCache(EvictionPolicy policy, SizeEstimator estimator) {
        this.policy = policy;
        this.estimator = estimator;
    }

    /** A scan-resistant cache with uncalibrated size estimates. */
    public ObjectCache() {
        this(EvictionPolicy.SEGMENTED, SizeEstimator.uncalibrated());
    }

    /** The object with this oid if the connection still has it in memory (loaded or ghost). */
    public PersistentObject get(long oid) {
        PersistentObject object = byOid.get(oid);
        if (object == null) {
            misses++;
        } else {
            hits++;
        }
        return object;
    }

    /** Like {@link #get} but not counted in the statistics (for invalidation and diagnostics). */
    public PersistentObject peek(long oid) {
        return byOid.get(oid);
    }

    /** Adds an object with an oid to the identity map (as it is: ghost or loaded). */
    public void put(PersistentObject object) {
        if (object.$jodbOid() == 0) {
            throw new IllegalArgumentException("object of " + object.getClass().getName() + " has no oid");
        }
        byOid.put(object);
    }

    /** Forgets an object entirely (an aborted new object). */
    public void remove(PersistentObject object) {
        unlink(object);
        byOid.remove(object);
    }

    /**
     * Records that an object was just loaded (or first stored) from a record of
     * {@code recordBytes}, and used: it enters the rings with its estimated size.
     */
    public void loaded(PersistentObject object, int recordBytes) {
        boolean reused = false;
        if (isLinked(object)) {
            unlink(object);
        } else {
            int stamp = object.$jodbSize();
            reused = stamp > 0 && ((evictionClock - stamp) & STAMP_MASK) <= historyWindow;
        }
        int size = estimator.estimate(object, recordBytes);
        object.$jodbSize(size);
        linkFront(reused && policy == EvictionPolicy.SEGMENTED ? protectedSegment : probation, object);
        used.add(object);
        loads++;
    }

    /** Updates a loaded object's size estimate (after a commit rewrote it). */
    public void resized(PersistentObject object, int recordBytes) {
        if (!isLinked(object)) {
            return;
        }
        RecencySegment segment = segmentOf(object);
        int size = estimator.estimate(object.getClass(), recordBytes);
        segment.bytes += size - sizeOf(object);
        object.$jodbSize(segment == protectedSegment ? size | PROTECTED_BIT : size);
    }

    /** Records a use of a loaded object in this transaction: it moves to the front of protected. */
    public void accessed(PersistentObject object) {
        used.add(object); // even when not in the rings: the reset must still find it
        if (!isLinked(object)) {
            return; // not in the rings (a sticky or new object the cache never saw loaded)
        }
        int size = sizeOf(object);
        unlink(object);
        object.$jodbSize(size);
        linkFront(policy == EvictionPolicy.SEGMENTED ? protectedSegment : probation, object);
    }

    /**
     * Stops holding strongly the ghosts made so far in this transaction (the record of used objects
     * keeps only the objects still ACCESSED), so that nothing but their referrers keeps them: for
     * an operation that has just ghosted many objects, such as a deep deactivation. O(objects
     * recorded in this transaction).
     */
    public void releaseGhosts() {
        used.retainAccessed();
        ghostedSinceRetain = 0;
    }

    /**
     * Records that an object became a ghost: it leaves the rings and is then held only weakly. The
     * record of used objects holds it strongly until it is next compacted: once ghostings since
     * then outnumber half of its entries, so ghosts made inside a transaction (a user's or a deep
     * deactivation, a BigFile handle's after each block) stay bounded, at O(1) amortized each.
     */
    public void ghosted(PersistentObject object) {
        if (++ghostedSinceRetain > Math.max(MIN_GHOSTS_BEFORE_RETAIN, used.size() / 2)) {
            releaseGhosts();
        }
        if (isLinked(object)) {
            unlink(object);
            object.$jodbSize(evictionClock);
            evictionClock = (evictionClock + 1) & STAMP_MASK;
            if (evictionClock == 0) {
                evictionClock = 1;
            }
        }
    }

    /**
     * Ends a transaction's bookkeeping: objects used in it go back to "not yet used" so that their
     * first use in the next transaction is seen again. Costs O(objects used), read from an array in
     * order of use rather than by walking the rings (see {@link UsedObjects}).
     */
    public void resetAccessed() {
        used.resetAccessed();
    }

    /** Entries waiting for the next {@link #resetAccessed()} (for tests). */
    int usedCount() {
        return used.size();
    }

    /**
     * Turns objects into ghosts (through {@code deactivate}, which must end in {@link #ghosted})
     * until at most {@code targetCount} objects and {@code targetBytes} estimated bytes stay
     * loaded: first demotes the protected overflow, then evicts from the probation tail, then from
     * the protected tail. CHANGED and STICKY objects are skipped, never evicted.
     */
    public void collect(int targetCount, long targetBytes, Consumer<PersistentObject> deactivate) {
        historyWindow = (int) Math.min(STAMP_MASK >> 1, (long) HISTORY_TARGETS * Math.max(1, targetCount));
        long protectedCount = (long) targetCount * PROTECTED_PERCENT / 100;
        long protectedBytes = targetBytes / 100 * PROTECTED_PERCENT;
        for (PersistentObject node = protectedSegment.head.$jodbPrev(); node != protectedSegment.head
                && (protectedSegment.count > protectedCount || protectedSegment.bytes > protectedBytes); ) {
            PersistentObject previous = node.$jodbPrev();
            if (isEvictable(node)) {
                int size = sizeOf(node);
                unlink(node);
                node.$jodbSize(size); // clears the protected bit
                probation.linkFront(node, size);
            }
            node = previous;
        }
        long evictionsBefore = evictions;
        evict(probation, targetCount, targetBytes, deactivate);
        evict(protectedSegment, targetCount, targetBytes, deactivate);
        if (evictions != evictionsBefore) {
            used.retainAccessed(); // the ghosts just made must not be held until the reset
        }
    }

    /** Turns every loaded object that is neither CHANGED nor STICKY into a ghost. */
    public void minimize(Consumer<PersistentObject> deactivate) {
        collect(0, 0, deactivate);
    }

    /** Every loaded object, protected first, each ring most recently used first (a copy). */
    public List<PersistentObject> loadedObjects() {
        List<PersistentObject> objects = new ArrayList<>(loadedCount());
        protectedSegment.addTo(objects);
        probation.addTo(objects);
        return objects;
    }

    /** Every object still in memory, loaded or ghost. */
    public List<PersistentObject> allObjects() {
        byOid.expunge();
        List<PersistentObject> objects = new ArrayList<>();
        byOid.forEach(objects::add);
        return objects;
    }

    /**
     * Drops the identity-map entries of every ghost the JVM has collected, even those it has not yet
     * reported, and shrinks the map to fit (for heap profiles). O(identity map capacity).
     */
    void sweepCollected() {
        byOid.sweep();
    }

    /** This cache seen read-only, for tools; one view per cache. */
    public ObjectCacheView view() {
        return view;
    }

    /** The policy this cache evicts by. */
    public EvictionPolicy policy() {
        return policy;
    }

    /** Counts and totals; see {@link CacheStats}. */
    public CacheStats stats() {
        int loaded = loadedCount();
        return new CacheStats(loaded, Math.max(0, byOid.size() - loaded), probation.bytes + protectedSegment.bytes,
                hits, misses, loads, evictions);
    }

    /** The estimated bytes of a loaded object, or 0 for a ghost or an object not in the rings. */
    public static int estimatedSize(PersistentObject object) {
        return isLinked(object) ? sizeOf(object) : 0;
    }

    private void evict(RecencySegment segment, int targetCount, long targetBytes, Consumer<PersistentObject> deactivate) {
        for (PersistentObject node = segment.head.$jodbPrev(); node != segment.head
                && (loadedCount() > targetCount || probation.bytes + protectedSegment.bytes > targetBytes); ) {
            PersistentObject previous = node.$jodbPrev();
            if (isEvictable(node)) {
                deactivate.accept(node);
                evictions++;
            }
            node = previous;
        }
    }

    /** True while a loaded object is in the protected segment (for tests). */
    static boolean isProtected(PersistentObject object) {
        return isLinked(object) && object.$jodbSize() < 0;
    }

    /** Sets the eviction clock, so tests can show its wrap-around without 2^31 evictions. */
    void setEvictionClock(int value) {
        evictionClock = value & STAMP_MASK;
    }

    private int loadedCount() {
        return probation.count + protectedSegment.count;
    }

    private static boolean isEvictable(PersistentObject object) {
        byte code = object.$jodbState();
        return code == StateCodes.UPTODATE || code == StateCodes.ACCESSED;
    }

    private static boolean isLinked(PersistentObject object) {
        return object.$jodbNext() != null;
    }

    private static int sizeOf(PersistentObject object) {
        return object.$jodbSize() & ~PROTECTED_BIT;
    }

    private RecencySegment segmentOf(PersistentObject object) {
        return object.$jodbSize() < 0 ? protectedSegment : probation;
    }

    private void linkFront(RecencySegment segment, PersistentObject object) {
        if (segment == protectedSegment) {
            object.$jodbSize(object.$jodbSize() | PROTECTED_BIT);
        }
        segment.linkFront(object, sizeOf(object));
    }

    private void unlink(PersistentObject object) {
        if (isLinked(object)) {
            segmentOf(object).unlink(object, sizeOf(object));
        }
    }
}
