package org.jodb.memory;

import java.util.ArrayList;
import java.util.List;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.Persistence;
import org.jodb.collections.PersistentList;

/** Stores items in pages (persistent lists of {@link #PAGE} items) under the root, as tests need them. */
final class Items {
    static final int PAGE = 1_000;

    private Items() {}

    /** Stores {@code count} items under root key {@code key}, returns their oids in order. */
    static long[] store(Database db, String key, int count, int payloadBytes) {
        long[] oids = new long[count];
        List<List<Item>> written = new ArrayList<>();
        try (Connection conn = db.open()) {
            PersistentList<PersistentList<Item>> pages = new PersistentList<>();
            conn.root().put(key, pages);
            conn.commit();
            for (int start = 0; start < count; start += PAGE) {
                PersistentList<Item> page = new PersistentList<>();
                for (int i = start; i < Math.min(count, start + PAGE); i++) {
                    page.add(new Item(i, payloadBytes));
                }
                pages.add(page);
                written.add(page);
                if (written.size() == 10 || start + PAGE >= count) {
                    conn.commit();
                    for (List<Item> done : written) {
                        for (Item item : done) {
                            oids[item.number()] = Persistence.oid(item);
                        }
                    }
                    written.clear();
                    conn.minimize();
                }
            }
        }
        return oids;
    }

    /**
     * Calls System.gc() until {@code condition} holds, at most {@code attempts} times, each time
     * waiting until the references that collection cleared have reached their queues (a sentinel
     * reference of our own arrives on its queue), so the check does not race the JVM's reference
     * handler thread.
     */
    static boolean gcUntil(java.util.function.BooleanSupplier condition, int attempts) {
        for (int i = 0; i < attempts; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            java.lang.ref.ReferenceQueue<Object> queue = new java.lang.ref.ReferenceQueue<>();
            java.lang.ref.WeakReference<Object> sentinel = new java.lang.ref.WeakReference<>(new Object(), queue);
            System.gc();
            try {
                queue.remove(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return condition.getAsBoolean();
            }
            sentinel.clear();
        }
        return condition.getAsBoolean();
    }
}
