package org.jodb.storage.file;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * What one commit adds to the file's accounting (format version 3): the revision's head, the page
 * groups it superseded that the retention window still holds, and where the durable free map is.
 * Entries of retained revisions form a chain through {@code previous}, newest first, so the open
 * rebuilds the retained heads and pending groups by walking back to the window's start, and a
 * commit writes only its own entry: the size of its change, not of everything pending (LMDB keeps
 * its freed pages per transaction in the same spirit).
 *
 * <p>The first commit after opening a file of an older format carries every retained head and group
 * over in one entry; an entry may hold any number of each.
 *
 * <p><b>Encoding</b> (type {@link PageType#BOOKKEEPING}; header count = body length, created = the
 * revision): window start (8); previous entry page (8, 0 = none), span (4), created (8); head count
 * (4), per head revision (8), root page (8, 0 = empty tree), root's created revision (8), commit
 * time (8); group count (4), per group created (8), superseded (8), extent count (4), per extent
 * start (8) and span (4); free-map index count (4), per index page (8, 0 = none) and created (8).
 *
 * @param windowStart the first revision the retention window kept when this entry was written
 * @param previous    the newest older entry still retained then, or null
 * @param heads       the heads this entry records (its own revision's, or all carried over)
 * @param groups      groups superseded by revisions up to this one and still retained
 * @param indexes     the free-map index pages (null: a page range whose chunks were never written)
 */
record RevisionEntry(long windowStart, NodeRef previous, List<Head> heads, List<PageGroup> groups,
        List<NodeRef> indexes) {
    /** Bytes per free-map index pointer. */
    static final int INDEX_BYTES = 16;

    int bodyLength() {
        long length = 8 + 20 + 4 + 32L * heads.size() + 4 + 4 + (long) INDEX_BYTES * indexes.size();
        for (PageGroup group : groups) {
            length += 20 + 12L * group.extents.size();
        }
        return Math.toIntExact(length);
    }

    Page encode(int pageSize, long page, int span, long revision) {
        Page extent = Page.create(pageSize, PageType.BOOKKEEPING, page, span, revision);
        ByteBuffer body = extent.body();
        body.putLong(windowStart);
        body.putLong(previous == null ? 0 : previous.page()).putInt(previous == null ? 0 : previous.span())
                .putLong(previous == null ? 0 : previous.created());
        body.putInt(heads.size());
        for (Head head : heads) {
            body.putLong(head.revision()).putLong(head.root() == null ? 0 : head.root().page())
                    .putLong(head.root() == null ? 0 : head.root().created()).putLong(head.timestamp());
        }
        body.putInt(groups.size());
        for (PageGroup group : groups) {
            body.putLong(group.created).putLong(group.superseded).putInt(group.extents.size());
            for (Extent run : group.extents) {
                body.putLong(run.start()).putInt(Math.toIntExact(run.span()));
            }
        }
        body.putInt(indexes.size());
        for (NodeRef index : indexes) {
            body.putLong(index == null ? 0 : index.page()).putLong(index == null ? 0 : index.created());
        }
        extent.count(bodyLength());
        return extent.seal();
    }

    static RevisionEntry decode(Page page) {
        ByteBuffer body = page.body();
        long windowStart = body.getLong();
        long previousPage = body.getLong();
        int previousSpan = body.getInt();
        long previousCreated = body.getLong();
        NodeRef previous = previousPage == 0 ? null : new NodeRef(previousPage, previousSpan, previousCreated);
        int headCount = body.getInt();
        List<Head> heads = new ArrayList<>(headCount);
        for (int i = 0; i < headCount; i++) {
            long revision = body.getLong();
            long root = body.getLong();
            long created = body.getLong();
            heads.add(new Head(revision, root == 0 ? null : new NodeRef(root, 1, created), body.getLong()));
        }
        int groupCount = body.getInt();
        List<PageGroup> groups = new ArrayList<>(groupCount);
        for (int i = 0; i < groupCount; i++) {
            PageGroup group = new PageGroup(body.getLong(), body.getLong());
            int extents = body.getInt();
            for (int e = 0; e < extents; e++) {
                group.add(new Extent(body.getLong(), body.getInt()));
            }
            groups.add(group);
        }
        int indexCount = body.getInt();
        List<NodeRef> indexes = new ArrayList<>(indexCount);
        for (int i = 0; i < indexCount; i++) {
            long index = body.getLong();
            long created = body.getLong();
            indexes.add(index == 0 ? null : new NodeRef(index, 1, created));
        }
        return new RevisionEntry(windowStart, previous, heads, groups, indexes);
    }
}
