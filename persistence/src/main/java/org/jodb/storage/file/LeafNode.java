package org.jodb.storage.file;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A leaf of the object tree: entries sorted by oid. Encoded as the entries one after another; the
 * page header's count field holds the number of entries.
 *
 * <p>A leaf a commit builds holds its entries as objects; a leaf read from the file holds them
 * packed in the page bytes ({@link PackedEntries}), which is cheaper to decode and to keep cached.
 */
record LeafNode(NodeRef ref, List<LeafEntry> entries) implements Node {

    @Override
    public long firstKey() {
        return entries instanceof PackedEntries packed ? packed.oid(0) : entries.get(0).oid();
    }

    /**
     * Whether {@code oid} lies between this leaf's first and last oid: then no other leaf of its
     * tree can hold it, so the leaf answers for it without a walk from the root.
     */
    boolean spans(long oid) {
        int last = entries.size() - 1;
        if (last < 0) {
            return false;
        }
        long lastKey = entries instanceof PackedEntries packed ? packed.oid(last) : entries.get(last).oid();
        return firstKey() <= oid && oid <= lastKey;
    }

    /** The entry of {@code oid}, or null. */
    LeafEntry find(long oid) {
        if (entries instanceof PackedEntries packed) {
            int index = packed.indexOf(oid);
            return index < 0 ? null : packed.get(index);
        }
        int lo = 0;
        int hi = entries.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long key = entries.get(mid).oid();
            if (key < oid) {
                lo = mid + 1;
            } else if (key > oid) {
                hi = mid - 1;
            } else {
                return entries.get(mid);
            }
        }
        return null;
    }

    @Override
    public int footprint() {
        if (entries instanceof PackedEntries packed) {
            return packed.footprint();
        }
        // per entry: the LeafEntry, the body array's header and the list slot
        return encodedSize(entries) + 48 * entries.size() + 64;
    }

    /** Bytes the entries take in the page body. */
    int usedBytes() {
        return entries instanceof PackedEntries packed ? packed.encodedSize() : encodedSize(entries);
    }

    static int encodedSize(List<LeafEntry> entries) {
        int size = 0;
        for (LeafEntry entry : entries) {
            size += entry.encodedSize();
        }
        return size;
    }

    Page encode(int pageSize) {
        Page page = Page.create(pageSize, PageType.LEAF, ref.page(), 1, ref.created());
        ByteBuffer body = page.body();
        for (LeafEntry entry : entries) {
            entry.encode(body);
        }
        page.count(entries.size());
        return page.seal();
    }

    /** The leaf in a checked page; its entries stay packed in the page bytes. */
    static LeafNode decode(Page page, int pageSize) {
        PackedEntries entries = PackedEntries.index(page.bytes(), page.count(), pageSize);
        return new LeafNode(new NodeRef(page.number(), 1, page.created()), entries);
    }
}
