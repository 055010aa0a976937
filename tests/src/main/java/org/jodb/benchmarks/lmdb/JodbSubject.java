package org.jodb.benchmarks.lmdb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Storage;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;
import org.jodb.storage.file.FileStorageStats;

/**
 * jodb's {@link FileStorage} through its storage SPI: index i is oid {@code FIRST_OID + i}; the
 * subject tracks each record's serial, as a {@code Connection} does, so commits carry the right
 * base revisions. Readers are snapshots; {@link #restart} closes and reopens the file and re-pins
 * readers at their revisions, which needs a retention ({@link FileStorageOptions#keepRevisions})
 * that still covers them.
 */
public final class JodbSubject implements KeyValueSubject {
    private final Path file;
    private final FileStorageOptions options;
    private FileStorage storage;
    private int type;
    private long[] serials = new long[0];

    public JodbSubject(Path file, FileStorageOptions options) {
        this.file = file;
        this.options = options;
        open();
    }

    private void open() {
        storage = FileStorage.open(file, options);
        type = storage.typeId("benchmark-record");
    }

    @Override
    public String name() {
        return "jodb";
    }

    @Override
    public void commit(int[] keys, byte[][] values) {
        List<RecordWrite> writes = new ArrayList<>(keys.length);
        for (int i = 0; i < keys.length; i++) {
            int key = keys[i];
            if (key >= serials.length) {
                serials = Arrays.copyOf(serials, Math.max(key + 1, serials.length * 2));
            }
            if (serials[key] == 0) {
                long oid = storage.newOid();
                if (oid != Storage.FIRST_OID + key) {
                    throw new IllegalStateException("insert keys in order: key " + key + " got oid " + oid);
                }
            }
            writes.add(new RecordWrite(Storage.FIRST_OID + key, serials[key], type, new long[0], values[i]));
        }
        long revision = storage.commit(writes);
        for (int key : keys) {
            serials[key] = revision;
        }
    }

    @Override
    public JodbReader openReader() {
        return new JodbReader(storage.openSnapshot());
    }

    /**
     * Closes the storage (its readers die with it), reopens the file and re-pins a reader at each
     * given reader's revision.
     */
    public List<PinnedReader> restart(List<PinnedReader> readers) {
        long[] revisions = readers.stream().mapToLong(reader -> ((JodbReader) reader).revision()).toArray();
        storage.close();
        open();
        List<PinnedReader> repinned = new ArrayList<>();
        for (long revision : revisions) {
            repinned.add(new JodbReader(storage.openSnapshot(revision)));
        }
        return repinned;
    }

    /** Page accounting of the storage now. */
    public FileStorageStats stats() {
        return storage.stats();
    }

    @Override
    public long fileSize() {
        return storage.stats().fileSize();
    }

    @Override
    public void close() {
        storage.close();
    }
}
