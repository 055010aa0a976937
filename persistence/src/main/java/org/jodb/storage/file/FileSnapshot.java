package org.jodb.storage.file;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jodb.storage.Record;
import org.jodb.storage.Snapshot;

/**
 * A pinned read view of a {@link FileStorage} at one revision. Thread-safe; loads take no lock:
 * they walk the revision's immutable tree from the root captured at open. Closing twice is
 * harmless: only the first close releases the pin.
 */
final class FileSnapshot implements Snapshot {
    private final FileStorage storage;
    private final Head head;
    private final AtomicBoolean closed = new AtomicBoolean();
    /**
     * The leaf of the last load: loads of neighbouring oids (a bulk load, which meets oids in the
     * order a bulk store allocated them) start there instead of walking from the root. A leaf of
     * this revision's immutable tree, so a racing load that sees another one is still right.
     */
    private volatile LeafNode recentLeaf;

    FileSnapshot(FileStorage storage, Head head) {
        this.storage = storage;
        this.head = head;
    }

    Head head() {
        return head;
    }

    boolean belongsTo(FileStorage owner) {
        return storage == owner;
    }

    @Override
    public long revision() {
        return head.revision();
    }

    @Override
    public Record load(long oid) {
        ensureOpen();
        Record record;
        try {
            LeafNode leaf = storage.leaf(head, oid, recentLeaf);
            record = storage.load(leaf, oid);
            if (leaf != null) {
                recentLeaf = leaf;
            }
        } catch (RuntimeException e) {
            // A close racing with this load may have let the pages be reused under it: then the
            // failure is the close's doing, not corruption.
            ensureOpen();
            throw e;
        }
        ensureOpen();
        return record;
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("snapshot of revision " + head.revision() + " is closed");
        }
        storage.ensureOpen();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            storage.unpin(head.revision());
        }
    }

    @Override
    public String toString() {
        return "FileSnapshot[revision=" + head.revision() + (closed.get() ? ", closed]" : "]");
    }
}
