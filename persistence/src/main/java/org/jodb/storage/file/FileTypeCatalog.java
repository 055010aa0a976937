package org.jodb.storage.file;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jodb.storage.internal.TypeTable;

/**
 * Type descriptor <-> id, ids from 1 upward in registration order, never reused; durable through
 * the commit that follows a registration. Records only use ids registered before their commit, and
 * that commit writes the catalog too, so a registration lost in a crash was used by nothing.
 *
 * <p><b>Encoding</b> (one extent of type {@link PageType#CATALOG}, rewritten whole when it grows;
 * header count = descriptor count): per descriptor, its UTF-8 length (4) and bytes.
 *
 * <p>Thread-safe through its {@link TypeTable}, whose monitor is separate from the commit lock:
 * types are registered while a transaction serializes its objects, which must not wait for a
 * commit in progress. Descriptors are only ever appended, so encoding the first {@code count}
 * of them needs no lock of its own.
 */
final class FileTypeCatalog {
    private final TypeTable table = new TypeTable();

    int idOf(String descriptor) {
        return table.idOf(descriptor);
    }

    String descriptorOf(int id) {
        return table.descriptorOf(id);
    }

    boolean contains(int id) {
        return table.contains(id);
    }

    int size() {
        return table.size();
    }

    /** The first {@code count} descriptors encoded as a sealed catalog extent. */
    Page encode(int pageSize, int count, long page, long revision) {
        List<byte[]> encoded = new ArrayList<>(count);
        long length = 0;
        for (int i = 0; i < count; i++) {
            byte[] bytes = table.descriptorOf(i + 1).getBytes(StandardCharsets.UTF_8);
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
    int span(int pageSize, int count) {
        long length = 0;
        for (int i = 0; i < count; i++) {
            length += 4 + table.descriptorOf(i + 1).getBytes(StandardCharsets.UTF_8).length;
        }
        return Page.spanFor(pageSize, length);
    }

    /** Loads the descriptors of a catalog extent into this (empty) catalog. */
    void load(Page extent) {
        ByteBuffer body = extent.body();
        for (int i = 0; i < extent.count(); i++) {
            byte[] bytes = new byte[body.getInt()];
            body.get(bytes);
            table.idOf(new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
