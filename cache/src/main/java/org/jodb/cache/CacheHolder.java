package org.jodb.cache;

/**
 * Something that owns an {@link ObjectCache} (a connection), for tools such as {@link HeapProfile}.
 * The cache is the owner's internal state: tools may read it, only the owner changes it.
 */
public interface CacheHolder {

    /** The owner's object cache. */
    ObjectCache objectCache();
}
