package org.jodb.storage.file;

/**
 * Reads every page a revision uses that was written after a base revision (see
 * {@link CommitCheck}): the tree pages, overflow extents, bookkeeping and catalog extents whose
 * creating revision is after the base, found by descending only into such pointers (the
 * bookkeeping: {@link #bookkeeping}). Each read is
 * checked ({@link PageFile#read}); a failing one throws {@link CorruptPageException}.
 *
 * <p>Not thread-safe; used once, by the open.
 */
final class NewPagesWalk {
    private final PageFile file;
    private final long base;
    private long pages;
    private long digest;

    private NewPagesWalk(PageFile file, long base) {
        this.file = file;
        this.base = base;
    }

    /** The count and digest of {@code meta}'s pages written after {@code base}. */
    static CommitCheck of(PageFile file, MetaPage meta, long base) {
        NewPagesWalk walk = new NewPagesWalk(file, base);
        if (meta.tree() != null) {
            walk.tree(meta.tree());
        }
        walk.bookkeeping(meta.bookkeeping());
        walk.extent(meta.catalog(), PageType.CATALOG);
        return new CommitCheck(base, walk.pages, walk.digest);
    }

    private void tree(NodeRef ref) {
        if (ref.created() <= base) {
            return;
        }
        Page page = count(file.read(ref.page(), 1, null, ref.created()));
        if (page.type() == PageType.LEAF) {
            for (LeafEntry entry : LeafNode.decode(page, file.pageSize()).entries()) {
                extent(entry.overflow(), PageType.OVERFLOW);
            }
        } else if (page.type() == PageType.BRANCH) {
            for (NodeRef child : BranchNode.decode(page).children()) {
                tree(child);
            }
        } else {
            throw new CorruptPageException(file.path(), ref.page(), "reached as a tree page, found type code "
                    + page.typeCode());
        }
    }

    /**
     * The {@link DurableBookkeeping} pages written after the base: the newest revision entry, the
     * free-map index pages it names and their chunks, and the older entries it chains to. Only the
     * newest entry's index pages are current (older entries name pages since replaced).
     */
    private void bookkeeping(NodeRef newest) {
        if (newest == null || newest.created() <= base) {
            return;
        }
        RevisionEntry entry = RevisionEntry.decode(count(file.read(newest.page(), newest.span(), PageType.BOOKKEEPING,
                newest.created())));
        for (NodeRef index : entry.indexes()) {
            if (index != null && index.created() > base) {
                Page indexPage = count(file.read(index.page(), 1, PageType.FREE_MAP_INDEX, index.created()));
                for (NodeRef chunk : FreeMapIndex.decode(indexPage)) {
                    extent(chunk, PageType.FREE_MAP);
                }
            }
        }
        for (NodeRef older = entry.previous(); older != null && older.created() > base; ) {
            Page page = count(file.read(older.page(), older.span(), PageType.BOOKKEEPING, older.created()));
            older = RevisionEntry.decode(page).previous();
        }
    }

    private void extent(NodeRef ref, PageType type) {
        if (ref != null && ref.created() > base) {
            count(file.read(ref.page(), ref.span(), type, ref.created()));
        }
    }

    private Page count(Page page) {
        pages++;
        digest += CommitCheck.hash(page);
        return page;
    }
}
