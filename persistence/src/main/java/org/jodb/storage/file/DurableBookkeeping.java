package org.jodb.storage.file;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page accounting a restart needs (format version 3), written in proportion to each commit's
 * change instead of whole: the durable free set as a {@link FreeMap} bitmap of which a commit
 * rewrites the dirty chunks and their {@link FreeMapIndex} pages, and a chain of
 * {@link RevisionEntry RevisionEntries}, one per retained revision, each holding that revision's
 * head and the groups it superseded. The meta page names the newest entry.
 *
 * <p><b>What is durable-free.</b> A page is in the free map of revision R if it is free once R is
 * durable and the file reopened: free in memory, released, superseded by a revision that left the
 * retention window (pins do not survive a restart, so a pin's pages count as free here), or an
 * older bookkeeping page R replaced. Retained groups are in entries instead. The map's bits are
 * updated as {@link FreePages} hands out and takes back pages ({@link FreePages#track}), and here
 * when groups and old bookkeeping pages leave.
 *
 * <p><b>Crash safety.</b> Everything a commit writes here goes to pages free before it (so the
 * previous revision's entries, index and chunks stay intact for a fallback to it); the pages it
 * replaces are released with the commit's other superseded pages and reused only after it is
 * durable. Every page carries its checksum and creating revision like any other.
 *
 * <p>Not thread-safe: used under the storage's commit lock.
 */
final class DurableBookkeeping {
    private final PageFile file;
    private final int pageSize;
    private final int refsPerIndex;
    private final FreeMap map;
    /** Per free-map chunk its page; null = never written (every bit clear). */
    private final List<NodeRef> chunks = new ArrayList<>();
    /** Per index page its page; null = never written. */
    private final List<NodeRef> indexes = new ArrayList<>();
    /** The entries of retained revisions, oldest first; an entry's created revision is its own. */
    private final ArrayDeque<Logged> entries = new ArrayDeque<>();
    /** Groups the window retains, by superseding revision (copies, owned here). */
    private final ArrayDeque<PageGroup> retained = new ArrayDeque<>();
    /** After opening an older format: the heads and groups the first entry carries over. */
    private List<Head> carriedHeads;
    /** The bookkeeping extent of an older format, freed by the first commit. */
    private NodeRef legacy;
    /** The chunks and index pages the commit being written gives fresh pages. */
    private BitSet freshChunks = new BitSet();
    private BitSet freshIndexes = new BitSet();

    /** A retained entry and the heads it records. */
    private record Logged(NodeRef ref, List<Head> heads) {
    }

    DurableBookkeeping(PageFile file, int pageSize) {
        this.file = file;
        this.pageSize = pageSize;
        this.refsPerIndex = FreeMapIndex.refsPerPage(pageSize);
        this.map = new FreeMap(pageSize);
    }

    /**
     * A file without accounting yet (revision 0, whose head the first entry carries): every page
     * freed from now on is tracked.
     */
    void start(FreePages free, Head first) {
        free.track(map);
        carriedHeads = List.of(first);
    }

    /**
     * Rebuilds the free pages, retained heads and pending groups of the durable revision of
     * {@code meta} at the open, judged at {@code now}; what the window no longer keeps is freed.
     */
    void restore(MetaPage meta, FreePages free, ReadableRevisions revisions, long now) {
        NodeRef ref = meta.bookkeeping();
        Page newestPage = file.read(ref.page(), ref.span(), PageType.BOOKKEEPING, ref.created());
        List<Head> heads = new ArrayList<>();
        List<PageGroup> groups = new ArrayList<>();
        if (meta.formatVersion() < 3) {
            Bookkeeping old = Bookkeeping.decode(newestPage, meta.formatVersion());
            free.track(map); // nothing of the map is on the disk yet: every chunk is written once
            old.free().forEach(free::free);
            heads.addAll(old.retainedHeads());
            groups.addAll(old.groups());
            legacy = ref;
            carriedHeads = new ArrayList<>(heads);
            carriedHeads.add(revisions.current()); // the old format has the newest head in the meta page only
        } else {
            RevisionEntry entry = RevisionEntry.decode(newestPage);
            loadMap(entry.indexes());
            map.forEachRun(free::free);
            free.track(map);
            long windowStart = entry.windowStart();
            NodeRef at = ref;
            while (true) {
                List<Head> kept = entry.heads().stream().filter(head -> head.revision() >= windowStart).toList();
                entries.addFirst(new Logged(at, kept));
                heads.addAll(kept);
                entry.groups().stream().filter(group -> group.superseded > windowStart).forEach(groups::add);
                at = entry.previous();
                if (at == null || at.created() < windowStart) {
                    break;
                }
                entry = RevisionEntry.decode(file.read(at.page(), at.span(), PageType.BOOKKEEPING, at.created()));
            }
        }
        revisions.restore(heads, groups, now, free::free);
        long start = revisions.windowStart();
        groups.stream().filter(group -> group.superseded > start)
                .sorted(Comparator.comparingLong(group -> group.superseded)).map(DurableBookkeeping::copy)
                .forEach(retained::addLast);
    }

    private void loadMap(List<NodeRef> indexRefs) {
        for (NodeRef index : indexRefs) {
            indexes.add(index);
            List<NodeRef> refs = index == null ? List.of()
                    : FreeMapIndex.decode(file.read(index.page(), 1, PageType.FREE_MAP_INDEX, index.created()));
            for (int i = 0; i < refsPerIndex; i++) {
                NodeRef chunk = i < refs.size() ? refs.get(i) : null;
                if (chunk != null) {
                    map.load(chunks.size(), file.read(chunk.page(), 1, PageType.FREE_MAP, chunk.created()),
                            file.path());
                }
                chunks.add(chunk);
            }
        }
    }

    /**
     * Writes the accounting of revision {@code next} into {@code work}, last in the commit so that
     * every page it allocated is accounted for: the groups it {@code superseded} that the window
     * (starting at {@code windowStart} once {@code next} is durable) retains go into its entry, the
     * others and {@code freedNow} into the free map; the dirty chunks, their index pages and the
     * entry are written. The bookkeeping pages it replaces are added to {@code freedNow}. A
     * {@code compacting} commit rewrites every chunk and index page and carries the older entries
     * over into its own, so all of them can move toward the start.
     */
    NodeRef write(CommitBatch work, FreePages free, Head next, long windowStart, List<PageGroup> superseded,
            List<Extent> freedNow, boolean compacting) {
        long revision = next.revision();
        List<Extent> replaced = new ArrayList<>();
        if (legacy != null) {
            replaced.add(legacy.extent());
            legacy = null;
        }
        while (!retained.isEmpty() && retained.peekFirst().superseded <= windowStart) {
            retained.pollFirst().extents.forEach(map::set);
        }
        while (!entries.isEmpty() && entries.peekFirst().ref().created() < windowStart) {
            replaced.add(entries.pollFirst().ref().extent());
        }
        if (compacting && !entries.isEmpty()) {
            // Carry every retained head and group into this entry, so no older entry pins the file's end.
            carriedHeads = new ArrayList<>();
            while (!entries.isEmpty()) {
                Logged old = entries.pollFirst();
                carriedHeads.addAll(old.heads());
                replaced.add(old.ref().extent());
            }
        }
        List<Head> heads = new ArrayList<>();
        List<PageGroup> logged = new ArrayList<>();
        if (carriedHeads != null) {
            carriedHeads.stream().filter(head -> head.revision() >= windowStart && head.revision() < revision)
                    .forEach(heads::add);
            logged.addAll(retained);
            carriedHeads = null;
        }
        heads.add(next);
        for (PageGroup group : superseded) {
            if (group.superseded > windowStart) {
                PageGroup copy = copy(group);
                retained.addLast(copy);
                logged.add(copy);
            } else {
                group.extents.forEach(map::set);
            }
        }
        freedNow.forEach(map::set);
        replaced.forEach(map::set);
        if (compacting) {
            markWritten(map.dirty(), chunks);
        }
        NodeRef previous = entries.isEmpty() ? null : entries.peekLast().ref();
        int entryLength = new RevisionEntry(windowStart, previous, heads, logged, List.of()).bodyLength();
        NodeRef entryRef = place(free, revision, compacting, replaced, entryLength);
        writePlaced(work, revision);
        RevisionEntry entry = new RevisionEntry(windowStart, previous, heads, logged, new ArrayList<>(indexes));
        work.write(entry.encode(pageSize, entryRef.page(), entryRef.span(), revision));
        entries.addLast(new Logged(entryRef, heads));
        freedNow.addAll(replaced);
        return entryRef;
    }

    /**
     * Gives every dirty chunk, every index page over a rewritten chunk and the entry a fresh page.
     * Allocating changes the map (and may grow the file), which may dirty another chunk: repeated
     * until nothing changes, at most once per chunk and index page. Replaced pages go to
     * {@code replaced} and the map. {@code entryLength} is the entry's body without its index
     * pointers.
     */
    private NodeRef place(FreePages free, long revision, boolean compacting, List<Extent> replaced,
            int entryLength) {
        freshChunks = new BitSet();
        freshIndexes = new BitSet();
        BitSet dirtyIndexes = new BitSet();
        if (compacting) {
            markWritten(dirtyIndexes, indexes);
        }
        NodeRef entryRef = null;
        boolean changed;
        do {
            changed = false;
            int chunkCount = map.chunksFor(free.pageCount());
            if (chunks.size() > chunkCount) {
                while (chunks.size() > chunkCount) {
                    release(chunks.remove(chunks.size() - 1), replaced);
                }
                map.truncate(chunkCount);
                if (chunkCount > 0) {
                    dirtyIndexes.set((chunkCount - 1) / refsPerIndex);
                }
            }
            while (chunks.size() < chunkCount) {
                chunks.add(null);
            }
            BitSet dirty = map.dirty();
            for (int c = dirty.nextSetBit(0); c >= 0 && c < chunks.size(); c = dirty.nextSetBit(c + 1)) {
                if (!freshChunks.get(c)) {
                    freshChunks.set(c);
                    dirtyIndexes.set(c / refsPerIndex);
                    NodeRef old = chunks.get(c);
                    chunks.set(c, new NodeRef(free.allocate(1), 1, revision));
                    release(old, replaced);
                    changed = true;
                }
            }
            int indexCount = (chunks.size() + refsPerIndex - 1) / refsPerIndex;
            while (indexes.size() > indexCount) {
                release(indexes.remove(indexes.size() - 1), replaced);
            }
            while (indexes.size() < indexCount) {
                indexes.add(null);
            }
            for (int i = dirtyIndexes.nextSetBit(0); i >= 0 && i < indexCount; i = dirtyIndexes.nextSetBit(i + 1)) {
                if (!freshIndexes.get(i)) {
                    freshIndexes.set(i);
                    NodeRef old = indexes.get(i);
                    indexes.set(i, new NodeRef(free.allocate(1), 1, revision));
                    release(old, replaced);
                    changed = true;
                }
            }
            int span = Page.spanFor(pageSize, entryLength + (long) RevisionEntry.INDEX_BYTES * indexes.size());
            if (entryRef == null || entryRef.span() != span) {
                if (entryRef != null) {
                    free.free(entryRef.extent()); // never written: no revision has seen it
                }
                entryRef = new NodeRef(free.allocate(span), span, revision);
                changed = true;
            }
        } while (changed);
        return entryRef;
    }

    private void writePlaced(CommitBatch work, long revision) {
        for (int c = freshChunks.nextSetBit(0); c >= 0 && c < chunks.size(); c = freshChunks.nextSetBit(c + 1)) {
            work.write(map.encode(c, chunks.get(c).page(), revision));
        }
        for (int i = freshIndexes.nextSetBit(0); i >= 0 && i < indexes.size(); i = freshIndexes.nextSetBit(i + 1)) {
            List<NodeRef> covered = chunks.subList(i * refsPerIndex, Math.min(chunks.size(), (i + 1) * refsPerIndex));
            work.write(FreeMapIndex.encode(pageSize, indexes.get(i).page(), revision, covered));
        }
        map.clean();
    }

    /** Marks in {@code dirty} every position of {@code refs} that has a page, so it is rewritten. */
    private static void markWritten(BitSet dirty, List<NodeRef> refs) {
        for (int i = 0; i < refs.size(); i++) {
            if (refs.get(i) != null) {
                dirty.set(i);
            }
        }
    }

    private void release(NodeRef old, List<Extent> replaced) {
        if (old != null) {
            replaced.add(old.extent());
            map.set(old.extent());
        }
    }

    private static PageGroup copy(PageGroup group) {
        PageGroup copy = new PageGroup(group.created, group.superseded);
        copy.addAll(group);
        return copy;
    }

    /** The durable free set, for the verifier to compare with the free pages in memory. */
    FreeMap map() {
        return map;
    }

    /** Every page the accounting uses now, with its type, for the verifier. */
    Map<NodeRef, PageType> pages() {
        Map<NodeRef, PageType> pages = new LinkedHashMap<>();
        if (legacy != null) {
            pages.put(legacy, PageType.BOOKKEEPING);
        }
        entries.forEach(entry -> pages.put(entry.ref(), PageType.BOOKKEEPING));
        indexes.stream().filter(ref -> ref != null).forEach(ref -> pages.put(ref, PageType.FREE_MAP_INDEX));
        chunks.stream().filter(ref -> ref != null).forEach(ref -> pages.put(ref, PageType.FREE_MAP));
        return pages;
    }
}
