package org.jodb.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The object cache driven the way a connection drives it: {@link #read} is the slow path of a field
 * read (load a ghost, or note the first use in a transaction), {@link #endTransaction} resets the
 * uses and collects down to the target, and the deactivation callback turns an object into a ghost.
 * Sizes are uncalibrated: a record of {@value #RECORD} bytes is estimated at {@value #ESTIMATE}.
 */
class ObjectCacheTest {
    static final int RECORD = 100;
    static final int ESTIMATE = 32 + 2 * RECORD;

    private ObjectCache cache = new ObjectCache(EvictionPolicy.SEGMENTED, SizeEstimator.uncalibrated());

    // ---- identity map -------------------------------------------------------------------------

    @Test
    void lookupsByOidCountHitsAndMissesButPeeksDoNot() {
        FakeObject a = new FakeObject(5);
        cache.put(a);
        assertSame(a, cache.get(5));
        assertNull(cache.get(6));
        assertSame(a, cache.peek(5));
        assertNull(cache.peek(6));
        CacheStats stats = cache.stats();
        assertEquals(1, stats.hits());
        assertEquals(1, stats.misses());
        assertEquals(1, stats.ghosts());
        assertEquals(0, stats.loaded());
    }

    @Test
    void theViewShowsTheLiveCacheWithoutCountingLookups() {
        ObjectCacheView view = cache.view();
        FakeObject a = load(5);
        FakeObject b = new FakeObject(6);
        cache.put(b);
        assertSame(a, view.peek(5));
        assertNull(view.peek(7));
        assertEquals(List.of(a), view.loadedObjects());
        assertEquals(2, view.allObjects().size());
        assertEquals(cache.stats(), view.stats());
        assertEquals(0, view.stats().hits() + view.stats().misses());
        assertSame(view, cache.view());
    }

    @Test
    void anObjectWithoutAnOidIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> cache.put(new FakeObject(0)));
    }

    @Test
    void removeForgetsALoadedObjectEntirely() {
        FakeObject a = load(5);
        cache.remove(a);
        assertNull(cache.get(5));
        assertEquals(0, cache.stats().loaded());
        assertEquals(0, cache.stats().estimatedBytes());
        assertTrue(cache.loadedObjects().isEmpty());
    }

    @Test
    void ghostsLeaveTheCacheOnceNothingReferencesThem() {
        List<FakeObject> objects = new ArrayList<>();
        for (long oid = 1; oid <= 1_000; oid++) {
            objects.add(load(oid));
        }
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        WeakReference<Object> watched = new WeakReference<>(objects.get(0), queue);
        objects.clear();
        System.gc();
        assertEquals(1_000, cache.stats().loaded(), "loaded objects are held strongly");

        cache.minimize(this::ghostify);
        assertEquals(1_000, cache.stats().ghosts());
        assertTrue(Collector.collectUntilCollected(watched, queue), "a ghost was never collected");
        assertTrue(Collector.collectUntil(() -> cache.stats().ghosts() == 0), cache.stats().toString());
        assertTrue(cache.allObjects().isEmpty());
    }

    // ---- segments and eviction order ----------------------------------------------------------

    @Test
    void aLoadedObjectStartsInProbationAndIsProtectedByItsFirstUseInALaterTransaction() {
        FakeObject a = load(1);
        read(a);                       // same transaction: nothing to tell the cache
        assertFalse(ObjectCache.isProtected(a));
        endTransaction(10);
        read(a);
        assertTrue(ObjectCache.isProtected(a));
        assertEquals(StateCodes.ACCESSED, a.code());
    }

    @Test
    void evictionTakesTheLeastRecentlyLoadedObjectsFirst() {
        List<FakeObject> objects = loadAll(1, 5);
        endTransaction(2);
        assertGhosts(objects.subList(0, 3));
        assertLoaded(objects.subList(3, 5));
        assertEquals(3, cache.stats().evictions());
        assertEquals(2 * ESTIMATE, cache.stats().estimatedBytes());
    }

    @Test
    void protectedObjectsOutliveNewerObjectsLoadedOnlyOnce() {
        List<FakeObject> hot = loadAll(1, 2);
        endTransaction(10);
        hot.forEach(this::read);
        List<FakeObject> once = loadAll(3, 5);
        endTransaction(2);
        assertLoaded(hot);
        assertGhosts(once);
    }

    @Test
    void plainLruEvictsTheLeastRecentlyUsedWhateverItsHistory() {
        cache = new ObjectCache(EvictionPolicy.LRU, SizeEstimator.uncalibrated());
        List<FakeObject> hot = loadAll(1, 2);
        endTransaction(10);
        hot.forEach(this::read);
        List<FakeObject> once = loadAll(3, 5);
        endTransaction(2);
        assertGhosts(hot);
        assertGhosts(once.subList(0, 1));
        assertLoaded(once.subList(1, 3));
        assertFalse(ObjectCache.isProtected(once.get(2)));
    }

    @Test
    void theProtectedOverflowIsDemotedToTheFrontOfProbationNotEvicted() {
        List<FakeObject> used = loadAll(1, 10);
        endTransaction(10);
        used.forEach(this::read);      // all ten protected, 1 least recently used
        List<FakeObject> once = loadAll(11, 12);
        endTransaction(10);            // protected may hold 80% of 10: 1 and 2 are demoted
        assertGhosts(once);
        assertLoaded(used);
        assertFalse(ObjectCache.isProtected(used.get(0)));
        assertFalse(ObjectCache.isProtected(used.get(1)));
        for (FakeObject object : used.subList(2, 10)) {
            assertTrue(ObjectCache.isProtected(object), object.toString());
        }
    }

    @Test
    void aOnePassScanDoesNotFlushTheWorkingSetAsPlainLruDoes() {
        assertEquals(10, hotObjectsLoadedAfterAScan(EvictionPolicy.SEGMENTED));
        assertEquals(0, hotObjectsLoadedAfterAScan(EvictionPolicy.LRU));
    }

    /** Ten objects used in every transaction, each followed by 30 objects used once; target 20. */
    private int hotObjectsLoadedAfterAScan(EvictionPolicy policy) {
        cache = new ObjectCache(policy, SizeEstimator.uncalibrated());
        List<FakeObject> hot = loadAll(1, 10);
        for (int transaction = 0; transaction < 20; transaction++) {
            hot.forEach(this::read);
            loadAll(1_000 + 100L * transaction, 1_000 + 100L * transaction + 29);
            endTransaction(20);
        }
        return (int) hot.stream().filter(o -> o.code() != StateCodes.GHOST).count();
    }

    @Test
    void loadedObjectsListsProtectedThenProbationEachMostRecentFirst() {
        List<FakeObject> objects = loadAll(1, 4);
        endTransaction(10);
        read(objects.get(0));
        read(objects.get(1));
        assertEquals(List.of(objects.get(1), objects.get(0), objects.get(3), objects.get(2)),
                cache.loadedObjects());
    }

    // ---- targets ------------------------------------------------------------------------------

    @Test
    void changedAndStickyObjectsAreNeverEvictedEvenFarOverTarget() {
        List<FakeObject> objects = loadAll(1, 6);
        endTransaction(10);
        read(objects.get(5));                           // a protected one too
        objects.get(0).$jodbState(StateCodes.CHANGED);  // the least recently used
        objects.get(1).$jodbState(StateCodes.STICKY);
        objects.get(5).$jodbState(StateCodes.CHANGED);
        endTransaction(0);
        assertLoaded(List.of(objects.get(0), objects.get(1), objects.get(5)));
        assertGhosts(objects.subList(2, 5));
        assertEquals(3, cache.stats().loaded());
    }

    @Test
    void theByteTargetBoundsTheEstimatedBytesLoaded() {
        List<FakeObject> objects = loadAll(1, 10);
        assertEquals(10 * ESTIMATE, cache.stats().estimatedBytes());
        cache.collect(Integer.MAX_VALUE, 4 * ESTIMATE + ESTIMATE / 2, this::ghostify);
        assertEquals(4, cache.stats().loaded());
        assertEquals(4 * ESTIMATE, cache.stats().estimatedBytes());
        assertLoaded(objects.subList(6, 10));
    }

    @Test
    void resizingALoadedObjectUpdatesTheTotalAndKeepsItsSegment() {
        FakeObject a = load(1);
        endTransaction(10);
        read(a);
        cache.resized(a, 2 * RECORD);
        assertTrue(ObjectCache.isProtected(a));
        assertEquals(32 + 4 * RECORD, ObjectCache.estimatedSize(a));
        assertEquals(32 + 4 * RECORD, cache.stats().estimatedBytes());
    }

    @Test
    void minimizeGhostsEverythingButChangedAndStickyObjects() {
        List<FakeObject> objects = loadAll(1, 100);
        endTransaction(1_000);
        objects.subList(0, 50).forEach(this::read);
        objects.get(10).$jodbState(StateCodes.CHANGED);
        objects.get(90).$jodbState(StateCodes.STICKY);
        cache.minimize(this::ghostify);
        assertEquals(2, cache.stats().loaded());
        assertEquals(2 * ESTIMATE, cache.stats().estimatedBytes());
        assertEquals(98, cache.stats().evictions());
        assertEquals(List.of(objects.get(10), objects.get(90)), cache.loadedObjects());
    }

    // ---- ghost history and the eviction clock -------------------------------------------------

    @Test
    void aGhostReloadedSoonAfterItsEvictionIsProtectedAtOnce() {
        List<FakeObject> objects = loadAll(1, 3);
        endTransaction(2);
        FakeObject evicted = objects.get(0);
        assertEquals(StateCodes.GHOST, evicted.code());
        read(evicted);
        assertTrue(ObjectCache.isProtected(evicted));
    }

    @Test
    void aGhostEvictedLongAgoAndANeverLoadedOneStartInProbation() {
        List<FakeObject> objects = loadAll(1, 3);
        endTransaction(2);
        FakeObject evictedLongAgo = objects.get(0);
        for (int i = 0; i < 10; i++) {  // the window is 4 targets: 8 evictions
            loadAll(100 + 2L * i, 101 + 2L * i);
            endTransaction(2);
        }
        read(evictedLongAgo);
        assertFalse(ObjectCache.isProtected(evictedLongAgo));
        FakeObject neverLoaded = new FakeObject(1_000);
        cache.put(neverLoaded);
        read(neverLoaded);
        assertFalse(ObjectCache.isProtected(neverLoaded));
    }

    @Test
    void ghostHistorySurvivesTheEvictionClockWrappingAround() {
        cache.setEvictionClock(Integer.MAX_VALUE - 1);
        List<FakeObject> objects = loadAll(1, 5);
        endTransaction(2);             // evicts 1, 2, 3 while the clock wraps from 2^31 - 1 to 1
        assertGhosts(objects.subList(0, 3));
        for (FakeObject evicted : objects.subList(0, 3)) {
            read(evicted);
            assertTrue(ObjectCache.isProtected(evicted), evicted.toString());
        }
    }

    // ---- the cost of ending a transaction ------------------------------------------------------

    @Test
    void resetAccessedVisitsOnlyTheObjectsUsedSinceTheLastReset() {
        List<FakeObject> objects = loadAll(1, 10_000);
        endTransaction(20_000);
        read(objects.get(10));
        read(objects.get(5_000));
        read(objects.get(9_999));
        FakeObject.stateReads = 0;
        cache.resetAccessed();
        assertTrue(FakeObject.stateReads <= 6, "visited " + FakeObject.stateReads + " objects for 3 uses");
        for (FakeObject object : objects) {
            assertEquals(StateCodes.UPTODATE, object.code());
        }
    }

    @Test
    void resetAccessedReturnsEveryObjectUsedOnceToUptodateAndTouchesNoOther() {
        List<FakeObject> objects = loadAll(1, 1_000);
        endTransaction(500);                        // 1..500 become ghosts, 501..1000 stay loaded
        objects.forEach(object -> object.resets = 0);
        List<FakeObject> used = new ArrayList<>();
        for (int i = 0; i < 1_000; i += 3) {        // loaded ones and ghosts, in an order unlike the rings'
            used.add(objects.get(i));
        }
        used.forEach(this::read);
        cache.collect(200, Long.MAX_VALUE, this::ghostify); // a savepoint evicts some of them...
        used.forEach(this::read);                   // ...and they are reloaded in the same transaction
        FakeObject pinned = objects.get(998); // not among the used
        read(pinned);
        pinned.$jodbState(StateCodes.STICKY);       // used, then pinned: not the reset's to change
        cache.resetAccessed();
        for (FakeObject object : used) {
            assertEquals(StateCodes.UPTODATE, object.code(), object + " used but not reset");
            assertEquals(1, object.resets, object + " reset " + object.resets + " times");
        }
        for (FakeObject object : objects) {
            if (!used.contains(object) && object != pinned) {
                assertEquals(0, object.resets, object + " was not used but was reset");
            }
        }
        assertEquals(StateCodes.STICKY, pinned.code());
        assertEquals(0, cache.usedCount(), "the reset must forget the objects it visited");
    }

    // ---- helpers: the connection's side -------------------------------------------------------

    /** A new object with this oid, loaded from a record of {@value #RECORD} bytes. */
    private FakeObject load(long oid) {
        FakeObject object = new FakeObject(oid);
        cache.put(object);
        read(object);
        return object;
    }

    private List<FakeObject> loadAll(long firstOid, long lastOid) {
        List<FakeObject> objects = new ArrayList<>();
        for (long oid = firstOid; oid <= lastOid; oid++) {
            objects.add(load(oid));
        }
        return objects;
    }

    /** What the enhanced read path makes the connection do. */
    private void read(FakeObject object) {
        if (object.code() == StateCodes.GHOST) {
            object.$jodbState(StateCodes.ACCESSED);
            cache.loaded(object, RECORD);
        } else if (object.code() == StateCodes.UPTODATE) {
            object.$jodbState(StateCodes.ACCESSED);
            cache.accessed(object);
        }
    }

    private void endTransaction(int targetCount) {
        cache.resetAccessed();
        cache.collect(targetCount, Long.MAX_VALUE, this::ghostify);
    }

    private void ghostify(PersistentObject object) {
        object.$jodbState(StateCodes.GHOST);
        cache.ghosted(object);
    }

    private static void assertGhosts(List<FakeObject> objects) {
        for (FakeObject object : objects) {
            assertEquals(StateCodes.GHOST, object.code(), object + " should be a ghost");
        }
    }

    private static void assertLoaded(List<FakeObject> objects) {
        for (FakeObject object : objects) {
            assertTrue(object.code() != StateCodes.GHOST, object + " should be loaded");
        }
    }
}
