package org.jodb.storage.file;

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
 * there), other nodes split evenly. There are no deletes yet, so there is no merging.
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

    /** The largest record body stored inline in a leaf. */
    static int inlineLimit(int pageSize) {
        return (pageSize - Page.HEADER_SIZE) / 4 - 21;
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
        if (root == null) {
            return null;
        }
        Node node = node(root);
        while (node instanceof BranchNode branch) {
            node = node(branch.children()[branch.childFor(oid)]);
        }
        return ((LeafNode) node).find(oid);
    }

    /** The record of {@code oid} in the tree rooted at {@code root}, or null. */
    Record load(NodeRef root, long oid) {
        LeafEntry entry = find(root, oid);
        if (entry == null) {
            return null;
        }
        if (entry.overflow() == null) {
            return RecordLayout.decode(oid, entry.serial(), java.nio.ByteBuffer.wrap(entry.inlineBody()),
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
                ? writeLeaves(new ArrayList<>(changes), true, batch)
                : rewrite(root, changes, 0, changes.size(), true, batch);
        while (level.size() > 1) {
            List<Long> keys = new ArrayList<>();
            List<NodeRef> children = new ArrayList<>();
            for (Node child : level) {
                keys.add(child.firstKey());
                children.add(child.ref());
            }
            level = writeBranches(keys, children, true, batch);
        }
        return level.get(0).ref();
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
                continue;
            }
            for (Node replacement : rewrite(branch.children()[i], changes, next, end, rightmost && i == last,
                    batch)) {
                keys.add(replacement.firstKey());
                children.add(replacement.ref());
            }
            next = end;
        }
        return writeBranches(keys, children, rightmost, batch);
    }

    private static List<LeafEntry> merge(List<LeafEntry> old, List<LeafEntry> changes, int from, int to,
            CommitBatch batch) {
        List<LeafEntry> merged = new ArrayList<>(old.size() + to - from);
        int i = 0;
        int j = from;
        while (i < old.size() || j < to) {
            if (j == to || (i < old.size() && old.get(i).oid() < changes.get(j).oid())) {
                merged.add(old.get(i++));
            } else {
                if (i < old.size() && old.get(i).oid() == changes.get(j).oid()) {
                    LeafEntry replaced = old.get(i++);
                    if (replaced.overflow() != null) {
                        batch.supersede(replaced.overflow());
                    }
                }
                merged.add(changes.get(j++));
            }
        }
        return merged;
    }

    private List<Node> writeLeaves(List<LeafEntry> entries, boolean fillLeft, CommitBatch batch) {
        int[] sizes = new int[entries.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = entries.get(i).encodedSize();
        }
        List<Node> written = new ArrayList<>();
        for (int[] chunk : split(sizes, capacity(), fillLeft)) {
            NodeRef ref = new NodeRef(batch.allocate(1), 1, batch.revision);
            LeafNode leaf = new LeafNode(ref, List.copyOf(entries.subList(chunk[0], chunk[1])));
            batch.write(leaf, leaf.encode(file.pageSize()));
            written.add(leaf);
        }
        return written;
    }

    private List<Node> writeBranches(List<Long> keys, List<NodeRef> children, boolean fillLeft,
            CommitBatch batch) {
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
