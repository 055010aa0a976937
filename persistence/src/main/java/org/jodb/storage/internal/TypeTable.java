package org.jodb.storage.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jodb.storage.Storage;

/**
 * Type descriptor <-> id, ids from 1 upward in registration order, never reused: the in-memory
 * part of {@link Storage#typeId} / {@link Storage#typeDescriptor} shared by the storages (the file
 * storage also writes it to disk).
 *
 * <p>Thread-safe by its own monitor, separate from the commit lock: registering a type happens
 * while a transaction serializes its objects, before it commits, and must not wait for commits.
 */
public final class TypeTable {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> descriptors = new ArrayList<>();

    public synchronized int idOf(String descriptor) {
        if (descriptor == null) {
            throw new IllegalArgumentException("type descriptor is null");
        }
        Integer id = ids.get(descriptor);
        if (id == null) {
            descriptors.add(descriptor);
            id = descriptors.size();
            ids.put(descriptor, id);
        }
        return id;
    }

    public synchronized String descriptorOf(int id) {
        if (id < 1 || id > descriptors.size()) {
            throw new IllegalArgumentException("unknown type id " + id);
        }
        return descriptors.get(id - 1);
    }

    public synchronized boolean contains(int id) {
        return id >= 1 && id <= descriptors.size();
    }

    /** How many descriptors are registered. */
    public synchronized int size() {
        return descriptors.size();
    }
}
