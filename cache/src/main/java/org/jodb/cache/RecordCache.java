package org.jodb.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Records shared by all connections of a database, so that a connection that loads what another
 * loaded does not read the storage again: a Caffeine cache oid -> the few newest cached versions
 * of that oid (record, serial, validity range), weighed by heap bytes (the record's, as the
 * caller weighs it, and the entry's own) within a byte budget.
 *
 * <p><b>Why it is correct under MVCC.</b> A reader at revision {@code r} must get the record with
 * the newest serial {@code <= r}. A version is served to it only if {@code r} lies in the range
 * the version is <em>known</em> to be that record for:
 * <ul>
 * <li>A version inserted from a load at a snapshot {@code p} is the newest record at {@code p}
 *     (that is what the snapshot returned), so it is valid on {@code [serial, p]}.</li>
 * <li>The cache has a <em>horizon</em> {@code H}: it has applied the storage's change log up to
 *     {@code H}, closing each open version of a changed oid at the revision that superseded it.
 *     A version is inserted <em>open</em> only if {@code p >= H} (checked atomically with the
 *     log application, under a lock), so every later change to its oid will close it; it is then
 *     valid on {@code [serial, H]}. A version inserted with {@code p < H} is closed at
 *     {@code p + 1}: changes in {@code (p, H]} were applied before it existed.</li>
 * <li>Before serving a reader at {@code r > H} the cache applies the log up to at least {@code r};
 *     if it cannot (the log no longer reaches back), it drops everything.</li>
 * </ul>
 * Eviction only removes knowledge, so it never makes an answer wrong.
 *
 * <p>Thread-safe. Lookups and inserts share a read lock; applying the log takes the write lock,
 * once per new revision seen, not per lookup.
 *
 * @param <R> the record type; records are immutable and shared between connections
 */
public final class RecordCache<R> {
    /** Versions kept per oid: readers on old snapshots and on the newest one usually need 1 or 2. */
    static final int MAX_VERSIONS = 4;
    /**
     * Heap bytes per cached version beyond its record, measured with JOL (RecordCacheWeightTest):
     * Caffeine's node, the map's node and table slot, the boxed key, the version and its list, and
     * the frequency sketch's share. With the records weighed at their heap size (as the database
     * weighs them), the budget is heap bytes, so a budget given as a share of the heap holds.
     */
    static final int ENTRY_OVERHEAD = 208;

    private final RevisionLog log;
    private final ToLongFunction<R> serialOf;
    private final Cache<Long, RecordVersion<R>[]> versions;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile long horizon;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /**
     * A cache of at most about {@code budgetBytes} record bytes.
     *
     * @param log      the storage's change log
     * @param serialOf the revision that wrote a record
     * @param bytesOf  a record's heap bytes (its weight, to which the cache adds its entry's)
     */
    public RecordCache(long budgetBytes, RevisionLog log, ToLongFunction<R> serialOf, ToIntFunction<R> bytesOf) {
        this.log = log;
        this.serialOf = serialOf;
        this.horizon = log.lastRevision();
        this.versions = Caffeine.newBuilder()
                .maximumWeight(budgetBytes)
                .<Long, RecordVersion<R>[]>weigher((oid, list) -> weight(list, bytesOf))
                .build();
    }

    /** The record of {@code oid} that a reader at {@code revision} must see, if cached; else null. */
    public R get(long oid, long revision) {
        if (revision > horizon) {
            advanceTo(revision);
        }
        lock.readLock().lock();
        try {
            if (revision <= horizon) {
                RecordVersion<R>[] list = versions.getIfPresent(oid);
                if (list != null) {
                    for (RecordVersion<R> version : list) {
                        if (version.serial <= revision && revision < version.validUntil) {
                            hits.increment();
                            return version.record;
                        }
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        misses.increment();
        return null;
    }

    /** Remembers {@code record}, which a snapshot at {@code revision} returned for its oid. */
    public void put(long oid, R record, long revision) {
        long serial = serialOf.applyAsLong(record);
        lock.readLock().lock();
        try {
            long validUntil = revision >= horizon ? Long.MAX_VALUE : revision + 1;
            // The first version of an oid (every put of a cold load) skips compute's remapping,
            // which cost as much as the rest of a small object's load.
            RecordVersion<R>[] first = newList(new RecordVersion<>(record, serial, validUntil));
            if (versions.asMap().putIfAbsent(oid, first) != null) {
                versions.asMap().compute(oid, (key, list) -> with(list, record, serial, validUntil));
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Drops everything. */
    public void clear() {
        versions.invalidateAll();
    }

    /** Runs the pending maintenance now (weights, evictions), so tests see settled totals. */
    void cleanUp() {
        versions.cleanUp();
    }

    /** Oids with cached records. */
    public long size() {
        return versions.estimatedSize();
    }

    /** Total weight (bytes) of what is cached. */
    public long weightedBytes() {
        return versions.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /** Lookups answered from the cache. */
    public long hits() {
        return hits.sum();
    }

    /** Lookups not answered. */
    public long misses() {
        return misses.sum();
    }

    private void advanceTo(long revision) {
        lock.writeLock().lock();
        try {
            if (revision <= horizon) {
                return;
            }
            long reached = log.changesAfter(horizon, this::supersede);
            if (reached < 0) {
                versions.invalidateAll(); // nothing cached, so nothing to close: any horizon holds
                reached = Math.max(log.lastRevision(), revision);
            }
            horizon = Math.max(horizon, reached);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Revision {@code revision} wrote {@code oid}: the open version older than it ends there. */
    private void supersede(long revision, long oid) {
        RecordVersion<R>[] list = versions.getIfPresent(oid);
        if (list != null) {
            for (RecordVersion<R> version : list) {
                if (version.isOpen() && version.serial < revision) {
                    version.validUntil = revision;
                }
            }
        }
    }

    /** A new list with the version added (merged with one of the same serial), newest serials kept. */
    private RecordVersion<R>[] with(RecordVersion<R>[] list, R record, long serial, long validUntil) {
        if (list == null) {
            return newList(new RecordVersion<>(record, serial, validUntil));
        }
        for (RecordVersion<R> version : list) {
            if (version.serial == serial) {
                version.validUntil = Math.max(version.validUntil, validUntil);
                return list;
            }
        }
        RecordVersion<R>[] grown = Arrays.copyOf(list, Math.min(list.length + 1, MAX_VERSIONS));
        if (list.length < MAX_VERSIONS) {
            grown[list.length] = new RecordVersion<>(record, serial, validUntil);
        } else {
            int oldest = 0;
            for (int i = 1; i < grown.length; i++) {
                if (grown[i].serial < grown[oldest].serial) {
                    oldest = i;
                }
            }
            if (grown[oldest].serial > serial) {
                return list; // older than everything kept: not worth a slot
            }
            grown[oldest] = new RecordVersion<>(record, serial, validUntil);
        }
        return grown;
    }

    @SuppressWarnings("unchecked")
    private static <R> RecordVersion<R>[] newList(RecordVersion<R> version) {
        return new RecordVersion[] {version};
    }

    private static <R> int weight(RecordVersion<R>[] list, ToIntFunction<R> bytesOf) {
        long total = 0;
        for (RecordVersion<R> version : list) {
            total += ENTRY_OVERHEAD + bytesOf.applyAsInt(version.record);
        }
        return (int) Math.min(total, Integer.MAX_VALUE);
    }
}
