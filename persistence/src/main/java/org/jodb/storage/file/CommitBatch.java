package org.jodb.storage.file;

import java.util.ArrayList;
import java.util.List;

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

    CommitBatch(long revision, int pageSize, FreePages free) {
        this.revision = revision;
        this.pageSize = pageSize;
        this.free = free;
    }

    /** A fresh run of {@code span} pages: free pages first, else the end of the file. */
    long allocate(int span) {
        return free.allocate(span);
    }

    void write(Page page) {
        pages.add(page);
    }

    void write(Node node, Page page) {
        nodes.add(node);
        pages.add(page);
    }

    void supersede(NodeRef ref) {
        superseded.add(ref);
    }
}
