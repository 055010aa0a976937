package org.jodb.bigfile;

import java.util.ArrayList;
import java.util.List;
import org.jodb.Connection;

/**
 * New block and chunk objects of a large commit, stored ahead of it ({@link Connection#storeAhead})
 * a few megabytes at a time, so that the commit itself holds only references to them and its heap
 * stays bounded however many blocks it writes.
 */
final class AheadBatch {
    /** Bytes of block data gathered before they are stored: 8 MiB, four 2 MiB blocks. */
    static final long BATCH_BYTES = 8L << 20;

    private final Connection connection;
    private final List<Object> pending = new ArrayList<>();
    private long pendingBytes;

    AheadBatch(Connection connection) {
        this.connection = connection;
    }

    /** Queues a new block or chunk holding {@code bytes} bytes; stores the batch once it is full. */
    void add(Object object, int bytes) {
        pending.add(object);
        pendingBytes += bytes;
        if (pendingBytes >= BATCH_BYTES) {
            flush();
        }
    }

    /** Stores what is queued. */
    void flush() {
        if (!pending.isEmpty()) {
            connection.storeAhead(pending);
            pending.clear();
            pendingBytes = 0;
        }
    }
}
