package org.jodb.cache;

import java.util.List;

/**
 * A read-only view of a connection's {@link ObjectCache}, for tools and diagnostics
 * ({@link HeapProfile}, {@code Connection.objectCache()}): it shows what the cache holds and counts,
 * and cannot add, remove, evict or count a lookup. It reads the live cache, not a copy.
 *
 * <p>Not thread-safe, like the cache: read it from the thread that uses the connection, between
 * its operations.
 */
public final class ObjectCacheView {
    final ObjectCache cache;

    ObjectCacheView(ObjectCache cache) {
        this.cache = cache;
    }

    /** The object with this oid if the connection still has it in memory (loaded or ghost); not counted. */
    public PersistentObject peek(long oid) {
        return cache.peek(oid);
    }

    /** Every loaded object, protected first, each ring most recently used first (a copy). */
    public List<PersistentObject> loadedObjects() {
        return cache.loadedObjects();
    }

    /** Every object still in memory, loaded or ghost (a copy). */
    public List<PersistentObject> allObjects() {
        return cache.allObjects();
    }

    /** The policy the cache evicts by. */
    public EvictionPolicy policy() {
        return cache.policy();
    }

    /** Counts and totals; see {@link CacheStats}. */
    public CacheStats stats() {
        return cache.stats();
    }
}
