package org.jodb.bigfile;

import java.util.Collection;
import org.jodb.storage.ForwardingStorage;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.memory.MemoryStorage;

/**
 * An in-memory storage that counts the bytes commits hand it: each record's payload plus 8 bytes
 * per reference it lists (what any storage must keep; page and header overhead left out).
 */
final class WriteCountingStorage extends ForwardingStorage {
    private long bytes;

    WriteCountingStorage() {
        super(new MemoryStorage());
    }

    /** Bytes committed so far. */
    synchronized long bytesWritten() {
        return bytes;
    }

    @Override
    public long commit(Collection<RecordWrite> writes) {
        long revision = storage.commit(writes);
        synchronized (this) {
            for (RecordWrite write : writes) {
                bytes += write.payload().length + 8L * write.references().length;
            }
        }
        return revision;
    }}
