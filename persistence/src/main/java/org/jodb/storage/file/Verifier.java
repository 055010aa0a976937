package org.jodb.storage.file;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Checks a storage file against its own accounting: reads every page of the newest revision from
 * disk (not the cache) and every pending page, checking checksums, page numbers and creating
 * revisions, and checks that each page below the high-water mark is exactly one of live (reachable
 * from the meta page), pending or free: no page lost, none counted twice.
 *
 * <p>Not thread-safe; the storage runs it under its commit lock on a copy of its pending and free
 * lists, so snapshot closes may continue meanwhile.
 */
final class Verifier {
    private static final int MAX_PROBLEMS = 20;
    private static final int MAX_DAMAGED = 1000;

    private final PageFile file;
    private final MetaPage meta;
    private final List<PageGroup> groups;
    private final List<Extent> free;
    private final DurableBookkeeping book;
    private final BitSet owned = new BitSet();
    private final List<String> problems = new ArrayList<>();
    private final List<DamagedPage> damaged = new ArrayList<>();
    private final ProgressListener progress;
    private long records;
    private long pagesRead;

    Verifier(PageFile file, MetaPage meta, List<PageGroup> groups, List<Extent> free, DurableBookkeeping book,
            ProgressListener progress) {
        this.progress = progress;
        this.file = file;
        this.meta = meta;
        this.groups = groups;
        this.free = free;
        this.book = book;
    }

    VerifyResult run() {
        claim(new Extent(0, 2), "meta");
        long live = 2;
        if (meta.tree() != null) {
            live += walk(meta.tree(), 1, Long.MAX_VALUE);
        }
        for (var page : book.pages().entrySet()) {
            live += check(page.getKey(), page.getValue());
        }
        live += check(meta.catalog(), PageType.CATALOG);
        BitSet liveOrRetained = (BitSet) owned.clone();
        long pendingPages = 0;
        for (PageGroup group : groups) {
            for (Extent extent : group.extents) {
                pendingPages += extent.span();
                if (claim(extent, "pending")) {
                    read(new NodeRef(extent.start(), (int) extent.span(), group.created), null, 0, 0);
                }
            }
        }
        long freePages = 0;
        for (Extent extent : free) {
            freePages += extent.span();
            claim(extent, "free");
            checkDurablyFree(extent);
        }
        book.map().forEachRun(run -> {
            int clash = liveOrRetained.nextSetBit(Math.toIntExact(run.start()));
            if (clash >= 0 && clash < run.end()) {
                problem("page " + clash + " is live but free in the durable free map (a reopen would hand it out)");
            }
        });
        progress.progress("verifying pages", meta.pageCount(), meta.pageCount()); // free pages are only counted
        int firstLost = owned.nextClearBit(0);
        if (firstLost < meta.pageCount()) {
            problem("page " + firstLost + " is neither live, pending nor free (lost); "
                    + (meta.pageCount() - owned.get(0, (int) meta.pageCount()).cardinality())
                    + " such pages");
        }
        if (owned.length() > meta.pageCount()) {
            problem("page " + (owned.length() - 1) + " is accounted for but beyond the page count "
                    + meta.pageCount());
        }
        if (!problems.isEmpty()) {
            throw new VerifyFailedException(file.path() + ": verify of revision " + meta.revision()
                    + " failed: " + String.join("; ", problems), damaged);
        }
        return new VerifyResult(meta.revision(), records, live, pendingPages, freePages, meta.pageCount());
    }

    /** Walks the subtree at {@code ref}, which holds the oids from {@code firstOid} to {@code lastOid}. */
    private long walk(NodeRef ref, long firstOid, long lastOid) {
        if (!claim(ref.extent(), "live")) {
            return 0;
        }
        Page page = read(ref, null, firstOid, lastOid);
        if (page == null) {
            return 1;
        }
        long pages = 1;
        if (page.type() == PageType.LEAF) {
            for (LeafEntry entry : LeafNode.decode(page, file.pageSize()).entries()) {
                records++;
                if (entry.overflow() != null && claim(entry.overflow().extent(), "live")) {
                    read(entry.overflow(), PageType.OVERFLOW, entry.oid(), entry.oid());
                    pages += entry.overflow().span();
                }
            }
        } else if (page.type() == PageType.BRANCH) {
            BranchNode branch = BranchNode.decode(page);
            NodeRef[] children = branch.children();
            for (int i = 0; i < children.length; i++) {
                long last = i + 1 < children.length ? branch.keys()[i + 1] - 1 : lastOid;
                pages += walk(children[i], branch.keys()[i], last);
            }
        } else {
            problem("page " + ref.page() + " is reached as a tree page but has type code " + page.typeCode());
        }
        return pages;
    }

    /** A free page missing from the durable free map would be lost by a reopen. */
    private void checkDurablyFree(Extent extent) {
        for (long page = extent.start(); page < extent.end(); page++) {
            if (!book.map().isFree(page)) {
                problem("page " + page + " is free but not in the durable free map (a reopen would lose it)");
                return;
            }
        }
    }

    private long check(NodeRef ref, PageType type) {
        if (ref == null || !claim(ref.extent(), "live")) {
            return 0;
        }
        read(ref, type, 0, 0);
        return ref.span();
    }

    private Page read(NodeRef ref, PageType type, long firstOid, long lastOid) {
        pagesRead += ref.span();
        progress.progress("verifying pages", pagesRead, meta.pageCount());
        try {
            return file.read(ref.page(), ref.span(), type, ref.created());
        } catch (CorruptPageException e) {
            problem(e.getMessage());
            if (damaged.size() < MAX_DAMAGED) {
                damaged.add(new DamagedPage(e.pageNumber(), e.getMessage(), firstOid, lastOid));
            }
            return null;
        }
    }

    /** Marks the extent's pages as owned; false (and a problem) if one already was. */
    private boolean claim(Extent extent, String role) {
        int start = Math.toIntExact(extent.start());
        int end = Math.toIntExact(extent.end());
        int clash = owned.nextSetBit(start);
        if (clash >= 0 && clash < end) {
            problem("page " + clash + " is " + role + " and also counted elsewhere");
            return false;
        }
        owned.set(start, end);
        return true;
    }

    private void problem(String text) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(text);
        }
    }
}
