package org.jodb.storage.file;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jodb.storage.Record;

/**
 * The copy-on-write B+tree oid -> record. A revision is named by its root pointer; nothing
 * reachable from a committed root is ever written again (until the interval rule frees it), so any
 * number of readers walk their revision's tree without locks while one commit builds the next.
 *
 * <p>A commit rewrites each leaf holding a changed oid and the path from it to the root, in one
 * pass over the sorted changes; every page it replaces, and every overflow extent of a replaced
 * record, is reported to the {@link CommitBatch} as superseded. Nodes split by encoded size: the
 * rightmost path fills pages completely (oids are allocated in increasing order, so appends land
 * there), other nodes split evenly.
 *
 * <p><b>Removals</b> (garbage collection) drop entries; a node left empty disappears from its
 * parent, a rewritten node under half full is merged with a sibling (and split evenly again
 * if the two do not fit one page), and a root branch left with one child gives way to that child,
 * so the tree shrinks with the data. All leaves stay at one depth.
 *
 * <p>Thread-safe for reads; {@link #update} runs under the commit lock.
 */
final class ObjectTree {
    private final PageFile file;
    private final NodeCache cache;

    ObjectTree(PageFile file, NodeCache cache) {
        this.file = file;
        this.cache = cache;
    }

    Node node(NodeRef ref) {
        Node node = cache.get(ref);
        if (node != null) {
            return node;
        }
        Page page = file.read(ref.page(), 1, null, ref.created());
        if (page.type() == PageType.LEAF) {
            node = LeafNode.decode(page, file.pageSize());
        } else if (page.type() == PageType.BRANCH) {
            node = BranchNode.decode(page);
        } else {
            throw new CorruptPageException(file.path(), ref.page(),
                    "expected a tree page, found type code " + page.typeCode());
        }
        cache.put(node);
        return node;
    }

    /** The leaf entry of {@code oid} in the tree rooted at {@code root}, or null. */
    LeafEntry find(NodeRef root, long oid) {
        return root == null ? null : leaf(root, oid).find(oid);
    }

    /** The leaf whose range holds {@code oid} in the tree rooted at {@code root}. */
    private LeafNode leaf(NodeRef root, long oid) {
        Node node = node(root);
        while (node instanceof BranchNode branch) {
            node = node(branch.children()[branch.childFor(oid)]);
        }
        return (LeafNode) node;
    }

    /**
     * Copies every tree page and overflow extent at or beyond page {@code boundary} to a free run
     * below it (when one fits), rewriting the path to each copy; the originals are superseded.
     * Records keep their serials: only their location changes. Returns the new root. Reads the
     * whole tree, as a compaction must to find what lies at the end of the file.
     */
    NodeRef relocate(NodeRef root, long boundary, CommitBatch batch) {
        if (root == null) {
            return null;
        }
        Node moved = relocate(node(root), boundary, batch);
        return moved == null ? root : moved.ref();
    }

    /** The node's replacement, or null if neither it nor anything below it moved. */
    private Node relocate(Node node, long boundary, CommitBatch batch) {
        boolean changed = false;
        Node replacement;
        NodeRef ref = node.ref();
        if (node instanceof LeafNode leaf) {
            List<LeafEntry> entries = new ArrayList<>(leaf.entries());
            for (int i = 0; i < entries.size(); i++) {
                LeafEntry entry = entries.get(i);
                NodeRef extent = entry.overflow();
                if (extent == null || extent.page() < boundary) {
                    continue;
                }
                long target = batch.allocateBelow(extent.span(), boundary);
                if (target < 0) {
                    // No run that long below the boundary (the holes a collection leaves are small):
                    // nearer the start at least, so the file can be cut after it.
                    target = batch.allocateBelow(extent.span(), extent.page());
                }
                if (target < 0) {
                    continue;
                }
                Page old = file.read(extent.page(), extent.span(), PageType.OVERFLOW, extent.created());
                Page copy = Page.create(file.pageSize(), PageType.OVERFLOW, target, extent.span(), batch.revision);
                copy.body().put(old.body());
                copy.count(old.count());
                batch.write(copy.seal());
                batch.supersede(extent);
                batch.relocated += extent.span();
                entries.set(i, LeafEntry.overflow(entry.oid(), entry.serial(), entry.bodyLength(),
                        new NodeRef(target, extent.span(), batch.revision)));
                changed = true;
            }
            replacement = changed || ref.page() >= boundary ? new LeafNode(null, entries) : null;
        } else {
            BranchNode branch = (BranchNode) node;
            NodeRef[] children = branch.children().clone();
            for (int i = 0; i < children.length; i++) {
                Node moved = relocate(node(children[i]), boundary, batch);
                if (moved != null) {
                    children[i] = moved.ref();
                    changed = true;
                }
            }
            replacement = changed || ref.page() >= boundary ? new BranchNode(null, branch.keys(), children) : null;
        }
        if (replacement == null) {
            return null;
        }
        long target = ref.page() >= boundary ? batch.allocateBelow(1, boundary) : -1;
        if (target >= 0) {
            batch.relocated++;
        } else {
            target = batch.allocate(1);
        }
        batch.supersede(ref);
        NodeRef at = new NodeRef(target, 1, batch.revision);
        Node written = replacement instanceof LeafNode leaf ? new LeafNode(at, leaf.entries())
                : new BranchNode(at, ((BranchNode) replacement).keys(), ((BranchNode) replacement).children());
        Page page = written instanceof LeafNode leaf ? leaf.encode(file.pageSize())
                : ((BranchNode) written).encode(file.pageSize());
        if (written instanceof LeafNode) {
            written = LeafNode.decode(page, file.pageSize());
        }
        batch.write(written, page);
        return written;
    }

    /** The leaves of the tree rooted at {@code root}; reads the branches and one leaf per branch. */
    long leafCount(NodeRef root) {
        if (root == null) {
            return 0;
        }
        Node node = node(root);
        if (node instanceof LeafNode) {
            return 1;
        }
        NodeRef[] children = ((BranchNode) node).children();
        if (node(children[0]) instanceof LeafNode) {
            return children.length;
        }
        long leaves = 0;
        for (NodeRef child : children) {
            leaves += leafCount(child);
        }
        return leaves;
    }

    /**
     * The end of a batch of the sorted {@code oids} starting at {@code from} whose oids lie in at
     * most {@code maxLeaves} leaves of the tree rooted at {@code root} (at least one oid).
     */
    int endOfBatch(NodeRef root, long[] oids, int from, int maxLeaves) {
        if (root == null) {
            return oids.length;
        }
        int leaves = 0;
        long lastLeaf = -1;
        int i = from;
        for (; i < oids.length; i++) {
            long page = leaf(root, oids[i]).ref().page();
            if (page != lastLeaf) {
                if (leaves == maxLeaves) {
                    break;
                }
                leaves++;
                lastLeaf = page;
            }
        }
        return i;
    }

    /** The pages of the tree rooted at {@code root} and the bytes their entries take; reads them all. */
    TreeSpace space(NodeRef root) {
        if (root == null) {
            return TreeSpace.EMPTY;
        }
        Node node = node(root);
        if (node instanceof LeafNode leaf) {
            return new TreeSpace(1, 0, leaf.usedBytes());
        }
        BranchNode branch = (BranchNode) node;
        long leaves = 0;
        long branches = 1;
        long used = (long) branch.keys().length * BranchNode.ENTRY_SIZE;
        for (NodeRef child : branch.children()) {
            TreeSpace below = space(child);
            leaves += below.leaves();
            branches += below.branches();
            used += below.usedBytes();
        }
        return new TreeSpace(leaves, branches, used);
    }

    /**
     * Rewrites the tree rooted at {@code root} densely: each run of consecutive leaves with room
     * for more (over a sixteenth of the page free) is packed into as few full leaves as its entries
     * need, full leaves are kept, and the branches are rebuilt full above them; the replaced pages
     * are superseded, so pinned readers keep their revision. Records keep their serials and
     * overflow extents. Returns the new root, or {@code root} when the tree is already dense. Reads
     * every page; holds at most {@value #REPACK_RUN_PAGES} pages' worth of entries at once.
     */
    NodeRef repack(NodeRef root, CommitBatch batch) {
        if (root == null || node(root) instanceof LeafNode) {
            return root;
        }
        List<NodeRef> leaves = new ArrayList<>();
        List<NodeRef> branches = new ArrayList<>();
        collect(root, leaves, branches);
        List<Node> level = new ArrayList<>(leaves.size());
        List<LeafEntry> run = new ArrayList<>();
        List<NodeRef> runLeaves = new ArrayList<>();
        int runBytes = 0;
        boolean rewritten = false;
        for (NodeRef ref : leaves) {
            LeafNode leaf = (LeafNode) node(ref);
            boolean dense = capacity() - leaf.usedBytes() < capacity() / 16;
            if (dense) {
                rewritten |= flushRun(run, runLeaves, level, batch, true);
                runBytes = 0;
                level.add(leaf);
                continue;
            }
            run.addAll(leaf.entries());
            runLeaves.add(ref);
            runBytes += leaf.usedBytes();
            if (runBytes >= REPACK_RUN_PAGES * capacity()) {
                rewritten |= flushRun(run, runLeaves, level, batch, false);
                runBytes = LeafNode.encodedSize(run);
            }
        }
        rewritten |= flushRun(run, runLeaves, level, batch, true);
        if (!rewritten && branches.size() == denseBranchCount(leaves.size())) {
            return root;
        }
        branches.forEach(batch::supersede);
        while (level.size() > 1) {
            List<Long> keys = new ArrayList<>(level.size());
            List<NodeRef> children = new ArrayList<>(level.size());
            for (Node child : level) {
                keys.add(child.firstKey());
                children.add(child.ref());
            }
            level = writeBranches(keys, children, true, batch);
        }
        return level.get(0).ref();
    }

    /** Entries a repacking run holds before it writes the full leaves it has, in pages. */
    private static final int REPACK_RUN_PAGES = 64;

    /**
     * Writes the entries of a run of under-full leaves as full leaves, appending them to
     * {@code level}; unless {@code last}, the final partial leaf's entries stay in {@code run} for
     * the leaves that follow. A run of one leaf that is all of it stays as it was. Returns whether
     * leaves were rewritten.
     */
    private boolean flushRun(List<LeafEntry> run, List<NodeRef> runLeaves, List<Node> level, CommitBatch batch,
            boolean last) {
        if (run.isEmpty()) {
            return false;
        }
        boolean alone = last && runLeaves.size() == 1
                && LeafNode.encodedSize(run) == ((LeafNode) node(runLeaves.get(0))).usedBytes();
        if (alone) {
            level.add(node(runLeaves.get(0)));
            run.clear();
            runLeaves.clear();
            return false;
        }
        runLeaves.forEach(batch::supersede);
        runLeaves.clear();
        List<LeafEntry> kept = List.of();
        if (!last) {
            int[] sizes = new int[run.size()];
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = run.get(i).encodedSize();
            }
            List<int[]> chunks = split(sizes, capacity(), true);
            int keepFrom = chunks.get(chunks.size() - 1)[0];
            kept = new ArrayList<>(run.subList(keepFrom, run.size()));
            run.subList(keepFrom, run.size()).clear();
        }
        level.addAll(writeLeaves(run, true, batch));
        run.clear();
        run.addAll(kept);
        return true;
    }

    /** Branches a tree over {@code leaves} leaves needs when every branch is full. */
    private int denseBranchCount(long leaves) {
        int perBranch = capacity() / BranchNode.ENTRY_SIZE;
        int count = 0;
        for (long level = leaves; level > 1; level = (level + perBranch - 1) / perBranch) {
            count += (int) ((level + perBranch - 1) / perBranch);
        }
        return count;
    }

    /** Appends the leaves under {@code ref}, in oid order, and its branches to the lists. */
    private void collect(NodeRef ref, List<NodeRef> leaves, List<NodeRef> branches) {
        Node node = node(ref);
        if (node instanceof LeafNode) {
            leaves.add(ref);
            return;
        }
        branches.add(ref);
        for (NodeRef child : ((BranchNode) node).children()) {
            collect(child, leaves, branches);
        }
    }

    /** Calls {@code action} with every leaf entry of the tree rooted at {@code root}, in oid order. */
    void forEachEntry(NodeRef root, java.util.function.Consumer<LeafEntry> action) {
        if (root == null) {
            return;
        }
        Node node = node(root);
        if (node instanceof LeafNode leaf) {
            leaf.entries().forEach(action);
        } else {
            for (NodeRef child : ((BranchNode) node).children()) {
                forEachEntry(child, action);
            }
        }
    }

    /** The record of {@code oid} in the tree rooted at {@code root}, or null. */
    Record load(NodeRef root, long oid) {
        return root == null ? null : load(leaf(root, oid), oid);
    }

    /**
     * The leaf of {@code oid} in the tree rooted at {@code root}: {@code recent} (a leaf of the same
     * tree) when it spans {@code oid}, as it does when many neighbouring objects load in turn,
     * else the leaf found from the root.
     */
    LeafNode leaf(NodeRef root, long oid, LeafNode recent) {
        return recent != null && recent.spans(oid) ? recent : leaf(root, oid);
    }

    /** The record of {@code oid} in {@code leaf}, the leaf whose range holds it, or null. */
    Record load(LeafNode leaf, long oid) {
        LeafEntry entry;
        if (leaf.entries() instanceof PackedEntries packed) {
            // The common case, a leaf read from the file: build the record from the page bytes.
            int index = packed.indexOf(oid);
            if (index < 0) {
                return null;
            }
            if (packed.isInline(index)) {
                return packed.inlineRecord(index);
            }
            entry = packed.get(index);
        } else {
            entry = leaf.find(oid);
            if (entry == null) {
                return null;
            }
        }
        if (entry.overflow() == null) {
            return RecordLayout.decode(oid, entry.serial(), ByteBuffer.wrap(entry.inlineBody()), 0,
                    entry.bodyLength());
        }
        NodeRef extent = entry.overflow();
        Page page = file.read(extent.page(), extent.span(), PageType.OVERFLOW, extent.created());
        return RecordLayout.decode(oid, entry.serial(), page.body(), entry.bodyLength());
    }

    /**
     * Writes {@code changes} (sorted by oid, one per oid) into a copy of the tree rooted at
     * {@code root}; returns the new root.
     */
    NodeRef update(NodeRef root, List<LeafEntry> changes, CommitBatch batch) {
        List<Node> level = root == null
                ? writeLeaves(withoutRemovals(changes), true, batch)
                : rewrite(root, changes, 0, changes.size(), true, batch);
        if (level.isEmpty()) {
            return null;
        }
        while (level.size() > 1) {
            List<Long> keys = new ArrayList<>();
            List<NodeRef> children = new ArrayList<>();
            for (Node child : level) {
                keys.add(child.firstKey());
                children.add(child.ref());
            }
            level = writeBranches(keys, children, true, batch);
        }
        Node top = level.get(0);
        while (top instanceof BranchNode branch && branch.keys().length == 1) {
            batch.retire(top);
            top = node(branch.children()[0], batch);
        }
        return top.ref();
    }

    private static List<LeafEntry> withoutRemovals(List<LeafEntry> changes) {
        List<LeafEntry> kept = new ArrayList<>(changes.size());
        for (LeafEntry change : changes) {
            if (!change.isRemoval()) {
                kept.add(change);
            }
        }
        return kept;
    }

    /** A node written by this batch, or else the committed node at {@code ref}. */
    private Node node(NodeRef ref, CommitBatch batch) {
        Node fresh = batch.fresh(ref);
        return fresh != null ? fresh : node(ref);
    }

    private List<Node> rewrite(NodeRef ref, List<LeafEntry> changes, int from, int to, boolean rightmost,
            CommitBatch batch) {
        Node node = node(ref);
        batch.supersede(ref);
        if (node instanceof LeafNode leaf) {
            return writeLeaves(merge(leaf.entries(), changes, from, to, batch), rightmost, batch);
        }
        BranchNode branch = (BranchNode) node;
        List<Long> keys = new ArrayList<>();
        List<NodeRef> children = new ArrayList<>();
        List<Node> rewritten = new ArrayList<>(); // per child: its new node, or null if untouched
        int next = from;
        int last = branch.keys().length - 1;
        for (int i = 0; i <= last; i++) {
            int end = next;
            while (end < to && (i == last || changes.get(end).oid() < branch.keys()[i + 1])) {
                end++;
            }
            if (end == next) {
                keys.add(branch.keys()[i]);
                children.add(branch.children()[i]);
                rewritten.add(null);
                continue;
            }
            for (Node replacement : rewrite(branch.children()[i], changes, next, end, rightmost && i == last,
                    batch)) {
                keys.add(replacement.firstKey());
                children.add(replacement.ref());
                rewritten.add(replacement);
            }
            next = end;
        }
        mergeUnderfull(keys, children, rewritten, batch);
        return writeBranches(keys, children, rightmost, batch);
    }

    /**
     * Merges each rewritten child under {@link #MERGE_BELOW} of a page with its right (or, last, its
     * left) sibling; two that do not fit one page are split evenly again, so both end at least about
     * half full. Only rewritten children can have shrunk, so untouched subtrees are not read.
     */
    /**
     * The share of a page under which a rewritten node is merged with a sibling. At a quarter, as
     * textbook B+trees delete, random removals let leaves drift to half empty; at a half, every
     * rewritten leaf stays over half full and a steady workload of inserts and removals keeps the
     * tree over 60% full ({@code SteadyFill} in the tests module: 63-66% over 100,000 commits, where a
     * quarter fell to 41%), for one more page written when a merge happens.
     */
    static final double MERGE_BELOW = 0.5;

    private void mergeUnderfull(List<Long> keys, List<NodeRef> children, List<Node> rewritten,
            CommitBatch batch) {
        int i = 0;
        while (i < children.size()) {
            Node child = rewritten.get(i);
            if (child == null || children.size() == 1 || encodedSize(child) >= capacity() * MERGE_BELOW) {
                i++;
                continue;
            }
            int left = i + 1 < children.size() ? i : i - 1;
            Node a = node(children.get(left), batch);
            Node b = node(children.get(left + 1), batch);
            batch.retire(a);
            batch.retire(b);
            List<Node> merged = a instanceof LeafNode leafA
                    ? writeLeaves(concat(leafA.entries(), ((LeafNode) b).entries()), false, batch)
                    : mergeBranches((BranchNode) a, (BranchNode) b, batch);
            for (int k = 0; k < 2; k++) {
                keys.remove(left);
                children.remove(left);
                rewritten.remove(left);
            }
            for (int k = 0; k < merged.size(); k++) {
                keys.add(left + k, merged.get(k).firstKey());
                children.add(left + k, merged.get(k).ref());
                rewritten.add(left + k, merged.get(k));
            }
            // One merged node may still be small and meet its next sibling; two halves are not.
            i = merged.size() == 1 ? left : left + 2;
        }
    }

    private List<Node> mergeBranches(BranchNode a, BranchNode b, CommitBatch batch) {
        List<Long> keys = new ArrayList<>();
        List<NodeRef> children = new ArrayList<>();
        for (BranchNode branch : List.of(a, b)) {
            for (int k = 0; k < branch.keys().length; k++) {
                keys.add(branch.keys()[k]);
                children.add(branch.children()[k]);
            }
        }
        return writeBranches(keys, children, false, batch);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first.size() + second.size());
        all.addAll(first);
        all.addAll(second);
        return all;
    }

    private static int encodedSize(Node node) {
        return node instanceof LeafNode leaf ? LeafNode.encodedSize(leaf.entries())
                : ((BranchNode) node).keys().length * BranchNode.ENTRY_SIZE;
    }

    private static List<LeafEntry> merge(List<LeafEntry> old, List<LeafEntry> changes, int from, int to,
            CommitBatch batch) {
        List<LeafEntry> merged = new ArrayList<>(old.size() + to - from);
        // old.get materialises a packed entry, so each old entry is fetched once
        LeafEntry current = old.isEmpty() ? null : old.get(0);
        int i = 0;
        int j = from;
        while (current != null || j < to) {
            if (j == to || (current != null && current.oid() < changes.get(j).oid())) {
                merged.add(current);
                current = ++i < old.size() ? old.get(i) : null;
            } else {
                LeafEntry change = changes.get(j++);
                if (current != null && current.oid() == change.oid()) {
                    if (current.overflow() != null) {
                        batch.supersede(current.overflow());
                    }
                    current = ++i < old.size() ? old.get(i) : null;
                }
                if (!change.isRemoval()) {
                    merged.add(change);
                }
            }
        }
        return merged;
    }

    private List<Node> writeLeaves(List<LeafEntry> entries, boolean fillLeft, CommitBatch batch) {
        if (entries.isEmpty()) {
            return List.of();
        }
        int[] sizes = new int[entries.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = entries.get(i).encodedSize();
        }
        List<Node> written = new ArrayList<>();
        for (int[] chunk : split(sizes, capacity(), fillLeft)) {
            NodeRef ref = new NodeRef(batch.allocate(1), 1, batch.revision);
            Page page = new LeafNode(ref, entries.subList(chunk[0], chunk[1])).encode(file.pageSize());
            // the packed form, as a read would decode it: smaller in the cache and faster to search
            LeafNode leaf = LeafNode.decode(page, file.pageSize());
            batch.write(leaf, page);
            written.add(leaf);
        }
        return written;
    }

    private List<Node> writeBranches(List<Long> keys, List<NodeRef> children, boolean fillLeft,
            CommitBatch batch) {
        if (keys.isEmpty()) {
            return List.of();
        }
        int[] sizes = new int[keys.size()];
        java.util.Arrays.fill(sizes, BranchNode.ENTRY_SIZE);
        List<Node> written = new ArrayList<>();
        for (int[] chunk : split(sizes, capacity(), fillLeft)) {
            int n = chunk[1] - chunk[0];
            long[] k = new long[n];
            NodeRef[] c = new NodeRef[n];
            for (int i = 0; i < n; i++) {
                k[i] = keys.get(chunk[0] + i);
                c[i] = children.get(chunk[0] + i);
            }
            BranchNode node = new BranchNode(new NodeRef(batch.allocate(1), 1, batch.revision), k, c);
            batch.write(node, node.encode(file.pageSize()));
            written.add(node);
        }
        return written;
    }

    private int capacity() {
        return file.pageSize() - Page.HEADER_SIZE;
    }

    /**
     * Cuts entries of the given sizes into chunks of at most {@code capacity} bytes: as full as
     * possible from the left, or into equal shares, so that a split node has room on both sides.
     */
    static List<int[]> split(int[] sizes, int capacity, boolean fillLeft) {
        long total = 0;
        for (int size : sizes) {
            total += size;
        }
        long target = capacity;
        if (!fillLeft && total > capacity) {
            long parts = (total + capacity - 1) / capacity;
            target = Math.min(capacity, (total + parts - 1) / parts);
        }
        List<int[]> chunks = new ArrayList<>();
        int start = 0;
        long used = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (i > start && used + sizes[i] > target) {
                chunks.add(new int[] {start, i});
                start = i;
                used = 0;
            }
            used += sizes[i];
        }
        chunks.add(new int[] {start, sizes.length});
        return chunks;
    }
}
