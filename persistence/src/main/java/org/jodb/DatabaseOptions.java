package org.jodb;

import org.jodb.cache.EvictionPolicy;

/**
 * Settings of a {@link Database}. Immutable; start from {@link #defaults()} and change what you
 * need with the {@code with...} methods.
 *
 * @param cacheTargetCount  loaded objects each connection's cache keeps at transaction boundaries
 * @param cacheTargetBytes  estimated heap bytes of loaded objects each connection's cache keeps
 * @param recordCacheBytes  record bytes the database-wide record cache keeps (0: no record cache)
 * @param poolSize          closed connections kept (with their warm caches) for reuse
 * @param transactAttempts  attempts {@link Database#transact} makes before giving up on conflicts
 * @param cachePolicy       how object caches choose what to evict (scan-resistant by default)
 * @param calibrateSizes    whether object size estimates are calibrated with JOL (needs the JVM
 *                          flags in the README to run without warnings); otherwise they derive
 *                          from record lengths alone
 */
public record DatabaseOptions(int cacheTargetCount, long cacheTargetBytes, long recordCacheBytes, int poolSize,
                              int transactAttempts, EvictionPolicy cachePolicy, boolean calibrateSizes) {

    public DatabaseOptions {
        requirePositive(cacheTargetCount, "cacheTargetCount");
        requirePositive(cacheTargetBytes, "cacheTargetBytes");
        if (recordCacheBytes < 0) {
            throw new IllegalArgumentException("recordCacheBytes must be >= 0, was " + recordCacheBytes);
        }
        if (poolSize < 0) {
            throw new IllegalArgumentException("poolSize must be >= 0, was " + poolSize);
        }
        requirePositive(transactAttempts, "transactAttempts");
        if (cachePolicy == null) {
            throw new NullPointerException("cachePolicy");
        }
    }

    /**
     * 10,000 objects or 64 MiB per connection cache, a 64 MiB record cache, a pool of 8
     * connections, 10 attempts, the scan-resistant policy, calibrated sizes.
     */
    public static DatabaseOptions defaults() {
        return new DatabaseOptions(10_000, 64L << 20, 64L << 20, 8, 10, EvictionPolicy.SEGMENTED, true);
    }

    public DatabaseOptions withCacheTargetCount(int count) {
        return new DatabaseOptions(count, cacheTargetBytes, recordCacheBytes, poolSize, transactAttempts,
                cachePolicy, calibrateSizes);
    }

    public DatabaseOptions withCacheTargetBytes(long bytes) {
        return new DatabaseOptions(cacheTargetCount, bytes, recordCacheBytes, poolSize, transactAttempts,
                cachePolicy, calibrateSizes);
    }

    public DatabaseOptions withRecordCacheBytes(long bytes) {
        return new DatabaseOptions(cacheTargetCount, cacheTargetBytes, bytes, poolSize, transactAttempts,
                cachePolicy, calibrateSizes);
    }

    public DatabaseOptions withPoolSize(int size) {
        return new DatabaseOptions(cacheTargetCount, cacheTargetBytes, recordCacheBytes, size, transactAttempts,
                cachePolicy, calibrateSizes);
    }

    public DatabaseOptions withTransactAttempts(int attempts) {
        return new DatabaseOptions(cacheTargetCount, cacheTargetBytes, recordCacheBytes, poolSize, attempts,
                cachePolicy, calibrateSizes);
    }

    public DatabaseOptions withCachePolicy(EvictionPolicy policy) {
        return new DatabaseOptions(cacheTargetCount, cacheTargetBytes, recordCacheBytes, poolSize,
                transactAttempts, policy, calibrateSizes);
    }

    public DatabaseOptions withCalibratedSizes(boolean calibrate) {
        return new DatabaseOptions(cacheTargetCount, cacheTargetBytes, recordCacheBytes, poolSize,
                transactAttempts, cachePolicy, calibrate);
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
