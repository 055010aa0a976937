package org.jodb.storage.file;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one commit is building: the pages it will write (all at fresh page numbers, never over a
 * page any revision can still see), the nodes to publish to the cache once durable, and the
 * tree and overflow pages it supersedes, which the interval rule then holds or frees.
 *
 * <p>Not thread-safe: used by the committing thread under the commit lock.
 */
final class CommitBatch {
    final long revision;
    final int pageSize;
    private final FreePages free;
    final List<Page> pages = new ArrayList<>();
    final List<Node> nodes = new ArrayList<>();
    final List<NodeRef> superseded = new ArrayList<>();
    private final Map<Long, Node> fresh = new HashMap<>();
    /** Pages a compaction moved nearer the start of the file. */
    long relocated;

    CommitBatch(long revision, int pageSize, FreePages free) {
        this.revision = revision;
        this.pageSize = pageSize;
        this.free = free;
    }

    /** A fresh run of {@code span} pages: free pages first, else the end of the file. */
    long allocate(int span) {
        return free.allocate(span);
    }

    /** A free run of {@code span} pages ending at or before {@code limit}, or -1 if none. */
    long allocateBelow(int span, long limit) {
        return free.allocateBelow(span, limit);
    }

    void write(Page page) {
        pages.add(page);
    }

    void write(Node node, Page page) {
        nodes.add(node);
        pages.add(page);
        fresh.put(node.ref().page(), node);
    }

    /** The node this batch wrote at {@code ref}, or null if {@code ref} is an older page. */
    Node fresh(NodeRef ref) {
        Node node = fresh.get(ref.page());
        return node != null && node.ref().created() == ref.created() ? node : null;
    }

    /**
     * Takes back a node this batch wrote and then merged or collapsed away: it is not written, and
     * its page returns to the free runs (no revision has seen it, so no interval applies).
     */
    void discard(Node node) {
        long page = node.ref().page();
        fresh.remove(page);
        nodes.remove(node);
        pages.removeIf(written -> written.number() == page);
        free.free(node.ref().extent());
        // A page taken from the end of the file and given back is never written: keep the page
        // count within the file, which opening the file checks.
        free.cutTail();
    }

    /** Drops a node from the tree being built: discarded if this batch wrote it, else superseded. */
    void retire(Node node) {
        if (fresh(node.ref()) != null) {
            discard(node);
        } else {
            supersede(node.ref());
        }
    }

    void supersede(NodeRef ref) {
        superseded.add(ref);
    }
}
