package org.jodb;

import org.jodb.cache.EvictionPolicy;

/**
 * Settings of a {@link Database}. Immutable; start from {@link #defaults()} and change what you
 * need with the {@code with...} methods.
 *
 * @param cacheTargetCount  loaded objects each connection's cache keeps at transaction boundaries
 * @param cacheTargetBytes  estimated heap bytes of loaded objects each connection's cache keeps
 * @param recordCacheBytes  record bytes the database-wide record cache keeps (0: no record cache;
 *                          {@link #AUTOMATIC_RECORD_CACHE}: {@value #DEFAULT_RECORD_CACHE_BYTES} bytes
 *                          unless the storage already holds its records in memory)
 * @param poolSize          closed connections kept (with their warm caches) for reuse
 * @param transactAttempts  attempts {@link Database#transact} makes before giving up on conflicts
 * @param cachePolicy       how object caches choose what to evict (scan-resistant by default)
 * @param calibrateSizes    whether object size estimates are calibrated with JOL (needs the JVM
 *                          flags in the README to run without warnings); otherwise they derive
 *                          from record lengths alone
 * @param changeDetection   whether a commit also writes objects changed in place, without a field
 *                          write (an element added to a list held in a field, an array element,
 *                          a field of a plain nested object), found by comparing each object used
 *                          in the transaction with its state when loaded; {@code false} keeps only
 *                          field writes and {@code markChanged()}, as in ZODB (per class:
 *                          {@link Persistent#detectChanges()})
 */
public record DatabaseOptions(int cacheTargetCount, long cacheTargetBytes, long recordCacheBytes, int poolSize,
                              int transactAttempts, EvictionPolicy cachePolicy, boolean calibrateSizes,
                              boolean changeDetection) {

    /**
     * The default {@code recordCacheBytes}: the record cache the storage prefers
     * ({@code Storage.preferredRecordCacheBytes}): {@value #DEFAULT_RECORD_CACHE_BYTES} bytes over a
     * storage that reads from a file, none over {@code MemoryStorage}. There the records already are
     * in memory and a lookup in the record cache costs more than the load it saves; on the file
     * storage it saves the tree walk, the decoding and, for large records, a positional read (see the
     * README's benchmark figures).
     */
    public static final long AUTOMATIC_RECORD_CACHE = -1;

    /** The record cache's size where {@link #AUTOMATIC_RECORD_CACHE} chooses one: 64 MiB. */
    public static final long DEFAULT_RECORD_CACHE_BYTES = 64L << 20;

    public DatabaseOptions {
        requirePositive(cacheTargetCount, "cacheTargetCount");
        requirePositive(cacheTargetBytes, "cacheTargetBytes");
        if (recordCacheBytes < 0 && recordCacheBytes != AUTOMATIC_RECORD_CACHE) {
            throw new IllegalArgumentException("recordCacheBytes must be >= 0 or AUTOMATIC_RECORD_CACHE, was "
                    + recordCacheBytes);
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
     * 10,000 objects or 64 MiB per connection cache, a 64 MiB record cache where it pays off
     * ({@link #AUTOMATIC_RECORD_CACHE}), a pool of 8 connections, 10 attempts, the scan-resistant
     * policy, calibrated sizes, change detection on.
     */
    public static DatabaseOptions defaults() {
        return new DatabaseOptions(10_000, 64L << 20, AUTOMATIC_RECORD_CACHE, 8, 10, EvictionPolicy.SEGMENTED,
                true, true);
    }

    public DatabaseOptions withCacheTargetCount(int count) {
        return new DatabaseOptions(count, cacheTargetBytes, recordCacheBytes, poolSize, transactAttempts,
                cachePolicy, calibrateSizes, changeDetection);
    }

    public DatabaseOptions withCacheTargetBytes(long bytes) {
        return new DatabaseOptions(cacheTargetCount, bytes, recordCacheBytes, poolSize, transactAttempts,
                cachePolicy, calibrateSizes, changeDetection);
    }

    public DatabaseOptions withRecordCacheBytes(long bytes) {
        return new DatabaseOptions(cacheTargetCount, cacheTargetBytes, bytes, poolSize, transactAttempts,
                cachePolicy, calibrateSizes, changeDetection);
    }

    public DatabaseOptions withPoolSize(int size) {
        return new DatabaseOptions(cacheTargetCount, cacheTargetBytes, recordCacheBytes, size, transactAttempts,
                cachePolicy, calibrateSizes, changeDetection);
    }

    public DatabaseOptions withTransactAttempts(int attempts) {
        return new DatabaseOptions(cacheTargetCount, cacheTargetBytes, recordCacheBytes, poolSize, attempts,
                cachePolicy, calibrateSizes, changeDetection);
    }

    public DatabaseOptions withCachePolicy(EvictionPolicy policy) {
        return new DatabaseOptions(cacheTargetCount, cacheTargetBytes, recordCacheBytes, poolSize,
                transactAttempts, policy, calibrateSizes, changeDetection);
    }

    public DatabaseOptions withCalibratedSizes(boolean calibrate) {
        return new DatabaseOptions(cacheTargetCount, cacheTargetBytes, recordCacheBytes, poolSize,
                transactAttempts, cachePolicy, calibrate, changeDetection);
    }

    public DatabaseOptions withChangeDetection(boolean detect) {
        return new DatabaseOptions(cacheTargetCount, cacheTargetBytes, recordCacheBytes, poolSize,
                transactAttempts, cachePolicy, calibrateSizes, detect);
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
