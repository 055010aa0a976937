package org.jodb.storage.file;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The page accounting of one revision in format versions 1 and 2, written whole by its commit (bbolt keeps its free list this way;
 * here the pending groups go along, so the interval rule survives a restart): the free extents,
 * the pending groups (superseded but possibly still visible), and the roots and commit times of the
 * older revisions the retention window keeps readable (the times so that a time window,
 * {@link FileStorageOptions#keepHistory}, still knows after a restart which revisions it keeps).
 *
 * <p><b>Encoding</b> (one extent of type {@link PageType#BOOKKEEPING}; header count = body length):
 * head count (4), per head revision (8), root page (8, 0 = empty tree), root's creating revision
 * (8), commit time in epoch milliseconds (8, only from format version 2 on; version 1 files
 * decode with time 0, unknown); free count (4), per extent start (8) and span (4); group count (4), per group created (8),
 * superseded (8), extent count (4), then its extents as above.
 *
 * <p>Only read now, when a file of those versions is opened: from version 3 on, the accounting is
 * {@link DurableBookkeeping}'s, written in proportion to each commit's change.
 */
record Bookkeeping(List<Head> retainedHeads, List<Extent> free, List<PageGroup> groups) {

    /** Decodes an extent written by format version {@code formatVersion} (1 or 2). */
    static Bookkeeping decode(Page page, int formatVersion) {
        ByteBuffer body = page.body();
        int headCount = body.getInt();
        List<Head> heads = new ArrayList<>(headCount);
        for (int i = 0; i < headCount; i++) {
            long revision = body.getLong();
            long root = body.getLong();
            long created = body.getLong();
            long timestamp = formatVersion >= 2 ? body.getLong() : 0;
            heads.add(new Head(revision, root == 0 ? null : new NodeRef(root, 1, created), timestamp));
        }
        List<Extent> free = getExtents(body);
        int groupCount = body.getInt();
        List<PageGroup> groups = new ArrayList<>(groupCount);
        for (int i = 0; i < groupCount; i++) {
            PageGroup group = new PageGroup(body.getLong(), body.getLong());
            getExtents(body).forEach(group::add);
            groups.add(group);
        }
        return new Bookkeeping(heads, free, groups);
    }

    private static List<Extent> getExtents(ByteBuffer body) {
        int count = body.getInt();
        List<Extent> extents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            extents.add(new Extent(body.getLong(), body.getInt()));
        }
        return extents;
    }
}
