package org.jodb.benchmarks.lmdb;

import org.jodb.storage.Record;
import org.jodb.storage.Snapshot;
import org.jodb.storage.Storage;

/** A jodb snapshot as a {@link PinnedReader}. */
final class JodbReader implements PinnedReader {
    private final Snapshot snapshot;

    JodbReader(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    long revision() {
        return snapshot.revision();
    }

    @Override
    public byte[] get(int key) {
        Record record = snapshot.load(Storage.FIRST_OID + key);
        return record == null ? null : record.payload();
    }

    @Override
    public void close() {
        snapshot.close();
    }
}
