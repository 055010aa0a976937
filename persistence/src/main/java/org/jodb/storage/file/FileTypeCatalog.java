package org.jodb.storage.file;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Type descriptor <-> id, ids from 1 upward in registration order, never reused; durable through
 * the commit that follows a registration. Records only use ids registered before their commit, and
 * that commit writes the catalog too, so a registration lost in a crash was used by nothing.
 *
 * <p><b>Encoding</b> (one extent of type {@link PageType#CATALOG}, rewritten whole when it grows;
 * header count = descriptor count): per descriptor, its UTF-8 length (4) and bytes.
 *
 * <p>Thread-safe by its own monitor, separate from the commit lock: types are registered while a
 * transaction serializes its objects, which must not wait for a commit in progress.
 */
final class FileTypeCatalog {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> descriptors = new ArrayList<>();

    synchronized int idOf(String descriptor) {
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

    synchronized String descriptorOf(int id) {
        if (id < 1 || id > descriptors.size()) {
            throw new IllegalArgumentException("unknown type id " + id);
        }
        return descriptors.get(id - 1);
    }

    synchronized boolean contains(int id) {
        return id >= 1 && id <= descriptors.size();
    }

    synchronized int size() {
        return descriptors.size();
    }

    /** The first {@code count} descriptors encoded as a sealed catalog extent. */
    synchronized Page encode(int pageSize, int count, long page, long revision) {
        List<byte[]> encoded = new ArrayList<>(count);
        long length = 0;
        for (int i = 0; i < count; i++) {
            byte[] bytes = descriptors.get(i).getBytes(StandardCharsets.UTF_8);
            encoded.add(bytes);
            length += 4 + bytes.length;
        }
        Page extent = Page.create(pageSize, PageType.CATALOG, page, Page.spanFor(pageSize, length),
                revision);
        ByteBuffer body = extent.body();
        for (byte[] bytes : encoded) {
            body.putInt(bytes.length).put(bytes);
        }
        extent.count(count);
        return extent.seal();
    }

    /** Pages needed for the first {@code count} descriptors. */
    synchronized int span(int pageSize, int count) {
        long length = 0;
        for (int i = 0; i < count; i++) {
            length += 4 + descriptors.get(i).getBytes(StandardCharsets.UTF_8).length;
        }
        return Page.spanFor(pageSize, length);
    }

    /** Loads the descriptors of a catalog extent into this (empty) catalog. */
    synchronized void load(Page extent) {
        ByteBuffer body = extent.body();
        for (int i = 0; i < extent.count(); i++) {
            byte[] bytes = new byte[body.getInt()];
            body.get(bytes);
            String descriptor = new String(bytes, StandardCharsets.UTF_8);
            descriptors.add(descriptor);
            ids.put(descriptor, descriptors.size());
        }
    }
}
