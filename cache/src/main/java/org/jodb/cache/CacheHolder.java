package org.jodb.cache;

/**
 * Something that owns an {@link ObjectCache} (a connection), for tools such as {@link HeapProfile}.
 * The cache is the owner's internal state: tools get a read-only view, only the owner changes it.
 */
public interface CacheHolder {

    /** The owner's object cache, read-only. */
    ObjectCacheView objectCache();
}
