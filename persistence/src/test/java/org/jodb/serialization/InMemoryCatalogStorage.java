package org.jodb.serialization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jodb.storage.RevisionChanges;
import org.jodb.storage.Snapshot;
import org.jodb.storage.Storage;

/** Test stub: only the type catalog of a storage, in memory; every other method is unsupported. */
final class InMemoryCatalogStorage implements Storage {
    private final List<String> descriptors = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();

    @Override
    public synchronized int typeId(String descriptor) {
        return ids.computeIfAbsent(descriptor, d -> {
            descriptors.add(d);
            return descriptors.size() + 99; // not 0-based, to catch off-by-one tags
        });
    }

    @Override
    public synchronized String typeDescriptor(int id) {
        int index = id - 100;
        if (index < 0 || index >= descriptors.size()) {
            throw new IllegalArgumentException("no type id " + id);
        }
        return descriptors.get(index);
    }

    /** Simulates a later program version: replaces {@code from} by {@code to} in every descriptor. */
    synchronized void rename(String from, String to) {
        ids.clear();
        for (int i = 0; i < descriptors.size(); i++) {
            descriptors.set(i, descriptors.get(i).replace(from, to));
            ids.put(descriptors.get(i), i + 100);
        }
    }

    synchronized List<String> descriptors() {
        return List.copyOf(descriptors);
    }

    @Override public long lastRevision() { throw new UnsupportedOperationException(); }
    @Override public Snapshot openSnapshot() { throw new UnsupportedOperationException(); }
    @Override public Snapshot openSnapshot(long revision) { throw new UnsupportedOperationException(); }
    @Override public long newOid() { throw new UnsupportedOperationException(); }
    @Override public long commit(Collection<org.jodb.storage.RecordWrite> writes) { throw new UnsupportedOperationException(); }
    @Override public List<RevisionChanges> changesSince(long afterRevision) { throw new UnsupportedOperationException(); }
    @Override public org.jodb.storage.GcResult collectGarbage() { throw new UnsupportedOperationException(); }
    @Override public List<org.jodb.storage.RevisionInfo> retainedRevisions() { throw new UnsupportedOperationException(); }
    @Override public org.jodb.storage.StorageStats stats() { throw new UnsupportedOperationException(); }
    @Override public void close() {}
}
