package org.jodb.storage.file;

import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.RandomAccess;
import org.jodb.storage.Record;

/**
 * The entries of a leaf read from the file, left in the page bytes, decoded in place by the offsets
 * {@link LeafEntry} names (the one decoder of leaf entries): decoding a leaf only indexes
 * where each entry starts and its oid, so a leaf costs three arrays instead of an object and a body
 * copy per entry, and a load binary-searches the oids and builds its {@link Record} straight from
 * the page. {@link #get} materialises one {@link LeafEntry} on demand, for the commit path and
 * the verifier, which need whole entries.
 *
 * <p>Immutable and thread-safe: the page buffer is only read with absolute gets, which leave its
 * position alone, and it was checked (checksum, number, creating revision) when it was read.
 */
final class PackedEntries extends AbstractList<LeafEntry> implements RandomAccess {
    private static final int SERIAL = LeafEntry.SERIAL_AT;
    private static final int KIND = LeafEntry.KIND_AT;
    private static final int LENGTH = LeafEntry.LENGTH_AT;
    private static final int BODY = LeafEntry.BODY_AT;
    private static final int OVERFLOW_CREATED = LeafEntry.OVERFLOW_CREATED_AT;

    private final ByteBuffer page;
    private final long[] oids;
    private final int[] offsets;
    private final int pageSize;
    /** Bytes the entries take in the page body. */
    private final int encodedSize;

    private PackedEntries(ByteBuffer page, long[] oids, int[] offsets, int pageSize, int encodedSize) {
        this.page = page;
        this.oids = oids;
        this.offsets = offsets;
        this.pageSize = pageSize;
        this.encodedSize = encodedSize;
    }

    /** Indexes the {@code count} entries of a checked leaf page. */
    static PackedEntries index(ByteBuffer page, int count, int pageSize) {
        long[] oids = new long[count];
        int[] offsets = new int[count];
        int at = Page.HEADER_SIZE;
        for (int i = 0; i < count; i++) {
            if (at + BODY > page.capacity()) {
                throw new IndexOutOfBoundsException("leaf entry " + i + " starts beyond the page");
            }
            offsets[i] = at;
            oids[i] = page.getLong(at);
            int length = page.getInt(at + LENGTH);
            if (length < 0) {
                throw new IndexOutOfBoundsException("leaf entry " + i + " has a negative length");
            }
            at += LeafEntry.encodedSize(page.get(at + KIND) == LeafEntry.INLINE, length);
        }
        if (at > page.capacity()) {
            throw new IndexOutOfBoundsException("the last leaf entry ends beyond the page");
        }
        return new PackedEntries(page, oids, offsets, pageSize, at - Page.HEADER_SIZE);
    }

    @Override
    public int size() {
        return oids.length;
    }

    /** The index of {@code oid}, or -1. */
    int indexOf(long oid) {
        int lo = 0;
        int hi = oids.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long key = oids[mid];
            if (key < oid) {
                lo = mid + 1;
            } else if (key > oid) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    long oid(int index) {
        return oids[index];
    }

    boolean isInline(int index) {
        return page.get(offsets[index] + KIND) == LeafEntry.INLINE;
    }

    /** The record of the inline entry at {@code index}, decoded from the page bytes. */
    Record inlineRecord(int index) {
        int at = offsets[index];
        return RecordLayout.decode(oids[index], page.getLong(at + SERIAL), page, at + BODY, page.getInt(at + LENGTH));
    }

    @Override
    public LeafEntry get(int index) {
        int at = offsets[index];
        long oid = oids[index];
        long serial = page.getLong(at + SERIAL);
        int length = page.getInt(at + LENGTH);
        if (page.get(at + KIND) == LeafEntry.INLINE) {
            byte[] body = new byte[length];
            page.get(at + BODY, body);
            return LeafEntry.inline(oid, serial, body);
        }
        NodeRef extent = new NodeRef(page.getLong(at + BODY), Page.spanFor(pageSize, length),
                page.getLong(at + OVERFLOW_CREATED));
        return LeafEntry.overflow(oid, serial, length, extent);
    }

    /** Bytes the entries take in the page body, without decoding them. */
    int encodedSize() {
        return encodedSize;
    }

    /** Approximate heap bytes held: the page and the two index arrays. */
    int footprint() {
        return page.capacity() + 12 * oids.length + 112;
    }
}
