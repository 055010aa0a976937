package org.jodb.storage.file;

/**
 * One page {@link FileStorage#verify()} found damaged, with the objects whose records it holds or
 * leads to, so an operator knows what is lost.
 *
 * @param page     the page number
 * @param problem  what failed (checksum, page number, type, creating revision, accounting)
 * @param firstOid the smallest oid whose record the page holds or leads to, or 0 if it holds no
 *                 records of the verified revision (a meta, bookkeeping, catalog, pending or free
 *                 page)
 * @param lastOid  the largest such oid (equal to {@code firstOid} for an overflow extent, which
 *                 holds one record; {@code Long.MAX_VALUE} when the range is open at its end)
 */
public record DamagedPage(long page, String problem, long firstOid, long lastOid) {

    /** Whether the page holds or leads to records of the verified revision. */
    public boolean holdsRecords() {
        return firstOid != 0;
    }
}
