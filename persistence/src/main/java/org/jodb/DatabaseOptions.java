package org.jodb;

import org.jodb.cache.EvictionPolicy;

/**
 * Settings of a {@link Database}. Immutable; start from {@link #defaults()} and change what you
 * need with the {@code with...} methods.
 *
 * @param cacheTargetCount  loaded objects each connection's cache keeps at transaction boundaries
 * @param cacheTargetBytes  estimated heap bytes of loaded objects each connection's cache keeps
 * @param recordCacheBytes  heap bytes the database-wide record cache keeps (0: no record cache;
 *                          {@link #AUTOMATIC_RECORD_CACHE}: {@link #defaultRecordCacheBytes()}
 *                          unless the storage already holds its records in memory)
 * @param poolSize          closed connections kept (with their warm caches) for reuse
 * @param transactAttempts  attempts {@link Database#transact} makes before giving up on conflicts
 * @param cachePolicy       how object caches choose what to evict (scan-resistant by default)
 * @param calibrateSizes    whether object size estimates are calibrated with JOL (needs the JVM
 *                          flags in the README to run without warnings); otherwise they derive
 *                          from record lengths alone
 * @param changeDetection   whether a commit also writes objects changed in place, without a field
 *                          write (an element added to a list held in a field, an array element,
 *                          a field of a plain nested object), reported by the tracked versions of
 *                          loaded {@code ArrayList}, {@code HashMap} and {@code HashSet} values or
 *                          found by comparing each other object used in the transaction with its
 *                          state when loaded; {@code false} keeps only
 *                          field writes and {@code markChanged()}, as in ZODB (per class:
 *                          {@link Persistent#detectChanges()})
 */
public record DatabaseOptions(int cacheTargetCount, long cacheTargetBytes, long recordCacheBytes, int poolSize,
                              int transactAttempts, EvictionPolicy cachePolicy, boolean calibrateSizes,
                              boolean changeDetection) {

    /**
     * The default {@code recordCacheBytes}: the record cache the storage prefers
     * ({@code Storage.preferredRecordCacheBytes}): {@link #defaultRecordCacheBytes()} over a
     * storage that reads from a file, none over {@code MemoryStorage}. There the records already are
     * in memory and a lookup in the record cache costs more than the load it saves; on the file
     * storage it saves the tree walk, the decoding and, for large records, a positional read (see the
     * README's benchmark figures).
     */
    public static final long AUTOMATIC_RECORD_CACHE = -1;

    /** The share of the maximum heap the default record cache takes: a sixteenth. */
    static final int HEAP_SHARE_DIVISOR = 16;

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
     * 10,000 objects or {@link #defaultCacheTargetBytes()} per connection cache, a record cache of
     * {@link #defaultRecordCacheBytes()} where it pays off ({@link #AUTOMATIC_RECORD_CACHE}), a pool
     * of 8 connections, 10 attempts, the scan-resistant policy, calibrated sizes, change detection on.
     * The byte budgets scale with the heap, so that the defaults fit a small heap as well as a large
     * one; read at each call.
     */
    public static DatabaseOptions defaults() {
        return new DatabaseOptions(10_000, defaultCacheTargetBytes(), AUTOMATIC_RECORD_CACHE, 8, 10,
                EvictionPolicy.SEGMENTED, true, true);
    }

    /**
     * The default {@code cacheTargetBytes}: 64 MiB, or a quarter of the maximum heap when that is
     * less (16 MiB of a 64 MiB heap), at least 1 MiB. It bounds the loaded objects of one
     * connection, which the 10,000-object target bounds first for small objects; ghosts are not
     * counted (about a hundred bytes each, see the README). It does not shrink further with the
     * heap: a BigFile handle's loaded blocks (64 MiB by default) are reached through the cache, and
     * with a 16 MiB target at 256 MiB the streaming test kept 4,000 more chunks loaded, not fewer.
     */
    public static long defaultCacheTargetBytes() {
        return Math.min(64L << 20, Math.max(1L << 20, Runtime.getRuntime().maxMemory() / 4));
    }

    /**
     * The record cache {@link #AUTOMATIC_RECORD_CACHE} gives a storage that reads from a file: a
     * sixteenth of the maximum heap (64 MiB of a 1 GiB heap, 16 MiB of 256 MiB), at least 1 MiB and
     * at most 1 GiB. Beside it the file storage's node cache takes another sixteenth.
     */
    public static long defaultRecordCacheBytes() {
        return Math.min(1L << 30, Math.max(1L << 20, Runtime.getRuntime().maxMemory() / HEAP_SHARE_DIVISOR));
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
