package org.jodb.storage.memory;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jodb.storage.Record;
import org.jodb.storage.Snapshot;

/**
 * A pinned read view of a {@link MemoryStorage}. Thread-safe; loads take no lock. Closing twice is
 * harmless: only the first close releases the pin.
 */
final class MemorySnapshot implements Snapshot {
    private final MemoryStorage storage;
    private final long revision;
    private final AtomicBoolean closed = new AtomicBoolean();

    MemorySnapshot(MemoryStorage storage, long revision) {
        this.storage = storage;
        this.revision = revision;
    }

    @Override
    public long revision() {
        return revision;
    }

    @Override
    public Record load(long oid) {
        ensureOpen();
        Record record = storage.load(oid, revision);
        // Re-check after reading: close() marks the snapshot closed before it unpins, so if we are
        // still open here the pin was held during the whole read and the version was not reclaimed.
        ensureOpen();
        return record;
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("snapshot of revision " + revision + " is closed");
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            storage.unpin(revision);
        }
    }

    @Override
    public String toString() {
        return "MemorySnapshot[revision=" + revision + (closed.get() ? ", closed]" : "]");
    }
}
