package org.jodb.storage.file;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A leaf of the object tree: entries sorted by oid. Encoded as the entries one after another; the
 * page header's count field holds the number of entries.
 */
record LeafNode(NodeRef ref, List<LeafEntry> entries) implements Node {

    @Override
    public long firstKey() {
        return entries.get(0).oid();
    }

    /** The entry of {@code oid}, or null. */
    LeafEntry find(long oid) {
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

    static LeafNode decode(Page page, int pageSize) {
        ByteBuffer body = page.body();
        LeafEntry[] entries = new LeafEntry[page.count()];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = LeafEntry.decode(body, pageSize);
        }
        return new LeafNode(new NodeRef(page.number(), 1, page.created()), List.of(entries));
    }
}
