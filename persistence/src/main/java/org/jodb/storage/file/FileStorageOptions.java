package org.jodb.storage.file;

import java.time.Clock;
import java.time.Duration;

/**
 * Settings of a {@link FileStorage}. Immutable; start from {@link #defaults()} and change what you
 * need with the {@code with...} methods.
 *
 * @param pageSize           page size in bytes for a new file, a power of two from 1 KiB to 64 KiB;
 *                           0 means 4 KiB for a new file and the file's own size for an existing
 *                           one (a non-zero size that differs from an existing file's is an error)
 * @param keepRevisions      how many newest revisions stay openable without a pin, across
 *                           restarts; 1 (the default) keeps only the newest
 * @param keepHistory        how long after its commit a revision stays openable without a pin,
 *                           across restarts (measured by {@code clock}, whenever a commit or the
 *                           open moves the window); zero (the default) keeps none by time. A
 *                           revision is kept if either this or {@code keepRevisions} keeps it
 * @param changeLogRevisions how many newest revisions {@code changesSince} can report
 * @param nodeCacheBytes     heap bytes of decoded tree pages kept for reads (0 disables the
 *                           cache); a decoded page takes a little more than the page size, and
 *                           unused leaves are evicted before branches
 * @param compactOnOpen      whether opening the file compacts it first ({@link FileStorage#compact()})
 * @param sync               whether a commit forces its pages and its meta page to the disk, once,
 *                           before it returns (on by default; concurrent commits share one force).
 *                           On: a commit that returned
 *                           survives a power cut or an operating-system crash (on a disk that
 *                           honours flushes), and a crash at any moment leaves the previous or the
 *                           new revision. Off: nothing is forced, except when the file is created
 *                           and before it is shortened. A crash of the process (a kill, a JVM
 *                           crash) still leaves a consistent file at the last commit that wrote its
 *                           meta page, which includes every commit that returned: the operating
 *                           system's page cache outlives the process and writes the pages later.
 *                           A power cut or operating-system crash is not covered: the system writes
 *                           cached pages to the disk in any order, some and not others, so the disk
 *                           may hold a meta page whose pages never arrived, or a reused page
 *                           overwritten under the revision before. Recent commits may be lost and
 *                           the file may be left unusable: opening it, a later read or
 *                           {@link FileStorage#verify()} then fails naming the file (a damaged page
 *                           as a {@link CorruptPageException} naming the page; the page checks
 *                           keep it from being read as data), and only a copy restores it. {@link FileStorage#close()} does not sync either; a later commit
 *                           of at least one record with sync on makes everything written before it
 *                           durable. For tests, and for bulk loads into a file that can be rebuilt
 * @param clock              the commit times stored with each revision and the "now" of
 *                           {@code keepHistory}; the system UTC clock by default (tests inject one)
 */
public record FileStorageOptions(int pageSize, int keepRevisions, int changeLogRevisions,
        long nodeCacheBytes, boolean sync, boolean compactOnOpen, Duration keepHistory, Clock clock) {

    public static final int DEFAULT_PAGE_SIZE = 4096;
    /**
     * The default {@link #nodeCacheBytes}: a sixteenth of the maximum heap (64 MiB of a 1 GiB heap,
     * 16 MiB of 256 MiB), at least 1 MiB and at most 1 GiB, like the database's record cache beside it. A node cache miss costs a read system call, a checksum and
     * a decode, several times a hit, so the cache should hold the tree's hot part: 64 MiB hold
     * the leaves of about 450,000 records of 100 bytes (a full 4 KiB leaf, 31 such records, takes
     * about 4.5 KiB decoded).
     */
    public static long defaultNodeCacheBytes() {
        return Math.min(1L << 30, Math.max(1L << 20, Runtime.getRuntime().maxMemory() / 16));
    }

    public FileStorageOptions {
        if (pageSize != 0 && !MetaPage.isValidPageSize(pageSize)) {
            throw new IllegalArgumentException("pageSize must be a power of two from 1024 to 65536"
                    + " (or 0 for the default), was " + pageSize);
        }
        if (keepRevisions < 1) {
            throw new IllegalArgumentException("keepRevisions must be >= 1, was " + keepRevisions);
        }
        if (changeLogRevisions < 1) {
            throw new IllegalArgumentException("changeLogRevisions must be >= 1, was " + changeLogRevisions);
        }
        if (nodeCacheBytes < 0) {
            throw new IllegalArgumentException("nodeCacheBytes must be >= 0, was " + nodeCacheBytes);
        }
        if (keepHistory == null || keepHistory.isNegative()) {
            throw new IllegalArgumentException("keepHistory must be zero or positive, was " + keepHistory);
        }
        if (clock == null) {
            throw new IllegalArgumentException("clock is null");
        }
    }

    /**
     * Default page size, only the newest revision kept (no time window), 100,000 revisions of
     * change log, a node cache of {@link #defaultNodeCacheBytes()}, sync on, the system clock.
     */
    public static FileStorageOptions defaults() {
        return new FileStorageOptions(0, 1, 100_000, defaultNodeCacheBytes(), true, false, Duration.ZERO,
                Clock.systemUTC());
    }

    /** Keeps every revision committed within {@code duration} of now openable (see {@link #keepHistory}). */
    public FileStorageOptions keepHistory(Duration duration) {
        return new FileStorageOptions(pageSize, keepRevisions, changeLogRevisions, nodeCacheBytes, sync,
                compactOnOpen, duration, clock);
    }

    /** Uses {@code source} for commit times and the retention window's "now". */
    public FileStorageOptions withClock(Clock source) {
        return new FileStorageOptions(pageSize, keepRevisions, changeLogRevisions, nodeCacheBytes, sync,
                compactOnOpen, keepHistory, source);
    }

    public FileStorageOptions withPageSize(int size) {
        return new FileStorageOptions(size, keepRevisions, changeLogRevisions, nodeCacheBytes,
                sync, compactOnOpen, keepHistory, clock);
    }

    public FileStorageOptions keepRevisions(int revisions) {
        return new FileStorageOptions(pageSize, revisions, changeLogRevisions, nodeCacheBytes,
                sync, compactOnOpen, keepHistory, clock);
    }

    public FileStorageOptions withChangeLogRevisions(int revisions) {
        return new FileStorageOptions(pageSize, keepRevisions, revisions, nodeCacheBytes,
                sync, compactOnOpen, keepHistory, clock);
    }

    public FileStorageOptions withNodeCacheBytes(long bytes) {
        return new FileStorageOptions(pageSize, keepRevisions, changeLogRevisions, bytes,
                sync, compactOnOpen, keepHistory, clock);
    }

    public FileStorageOptions compactOnOpen(boolean on) {
        return new FileStorageOptions(pageSize, keepRevisions, changeLogRevisions, nodeCacheBytes,
                sync, on, keepHistory, clock);
    }

    /** Turns forcing commits to the disk on or off; read {@link #sync} before turning it off. */
    public FileStorageOptions withSync(boolean on) {
        return new FileStorageOptions(pageSize, keepRevisions, changeLogRevisions, nodeCacheBytes,
                on, compactOnOpen, keepHistory, clock);
    }
}
