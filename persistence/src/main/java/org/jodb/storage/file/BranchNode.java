package org.jodb.storage.file;

import java.nio.ByteBuffer;

/**
 * An inner node of the object tree: child {@code i} holds the oids from {@code keys[i]} up to
 * (excluding) {@code keys[i + 1]}; {@code keys[0]} is the subtree's smallest oid. Each entry is
 * encoded as key (8), child page (8), child's creating revision (8); the header count is the
 * number of children.
 */
record BranchNode(NodeRef ref, long[] keys, NodeRef[] children) implements Node {
    static final int ENTRY_SIZE = 24;

    @Override
    public long firstKey() {
        return keys[0];
    }

    @Override
    public int footprint() {
        // per child: the key, the NodeRef (header, page, span, created) and its array slot
        return 44 * keys.length + 64;
    }

    /** The index of the child whose range holds {@code oid} (the first child for smaller oids). */
    int childFor(long oid) {
        int lo = 1;
        int hi = keys.length - 1;
        int found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] <= oid) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    Page encode(int pageSize) {
        Page page = Page.create(pageSize, PageType.BRANCH, ref.page(), 1, ref.created());
        ByteBuffer body = page.body();
        for (int i = 0; i < keys.length; i++) {
            body.putLong(keys[i]).putLong(children[i].page()).putLong(children[i].created());
        }
        page.count(keys.length);
        return page.seal();
    }

    static BranchNode decode(Page page) {
        ByteBuffer body = page.body();
        int count = page.count();
        long[] keys = new long[count];
        NodeRef[] children = new NodeRef[count];
        for (int i = 0; i < count; i++) {
            keys[i] = body.getLong();
            children[i] = new NodeRef(body.getLong(), 1, body.getLong());
        }
        return new BranchNode(new NodeRef(page.number(), 1, page.created()), keys, children);
    }
}
