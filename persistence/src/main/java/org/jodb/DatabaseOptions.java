package org.jodb;

/**
 * Settings of a {@link Database}. Immutable; start from {@link #defaults()} and change what you
 * need with the {@code with...} methods.
 *
 * @param cacheTargetCount  loaded objects each connection's cache keeps at transaction boundaries
 * @param cacheTargetBytes  estimated bytes of loaded objects each connection's cache keeps
 * @param poolSize          closed connections kept (with their warm caches) for reuse
 * @param transactAttempts  attempts {@link Database#transact} makes before giving up on conflicts
 */
public record DatabaseOptions(int cacheTargetCount, long cacheTargetBytes, int poolSize, int transactAttempts) {

    public DatabaseOptions {
        requirePositive(cacheTargetCount, "cacheTargetCount");
        requirePositive(cacheTargetBytes, "cacheTargetBytes");
        if (poolSize < 0) {
            throw new IllegalArgumentException("poolSize must be >= 0, was " + poolSize);
        }
        requirePositive(transactAttempts, "transactAttempts");
    }

    /** 10,000 objects or 64 MiB per connection cache, a pool of 8 connections, 10 attempts. */
    public static DatabaseOptions defaults() {
        return new DatabaseOptions(10_000, 64L << 20, 8, 10);
    }

    public DatabaseOptions withCacheTargetCount(int count) {
        return new DatabaseOptions(count, cacheTargetBytes, poolSize, transactAttempts);
    }

    public DatabaseOptions withCacheTargetBytes(long bytes) {
        return new DatabaseOptions(cacheTargetCount, bytes, poolSize, transactAttempts);
    }

    public DatabaseOptions withPoolSize(int size) {
        return new DatabaseOptions(cacheTargetCount, cacheTargetBytes, size, transactAttempts);
    }

    public DatabaseOptions withTransactAttempts(int attempts) {
        return new DatabaseOptions(cacheTargetCount, cacheTargetBytes, poolSize, attempts);
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
