package org.jodb.cache;

import java.lang.ref.ReferenceQueue;
import java.util.function.Consumer;

/**
 * The weak identity map oid -> object: open addressing with linear probing over an array of
 * {@link OidReference}s, so an entry costs one 32-byte weak reference plus 4 to 11 bytes of table
 * (a {@code HashMap<Long, WeakReference>} costs a Long, a node and a reference: 80+ bytes).
 *
 * <p>Lookups compare the oid's hash kept in the entry and dereference only entries that match,
 * confirming the oid on the object; an entry whose object was collected answers nothing and is
 * removed when its reference is dequeued (backward-shift deletion, so no tombstones). There is at
 * most one entry per oid whose object is alive. The table shrinks when mostly empty, so dropping
 * ghosts returns the memory. Not thread-safe.
 */
final class OidTable {
    private static final int MIN_CAPACITY = 16;

    private final ReferenceQueue<PersistentObject> collected;
    private OidReference[] slots = new OidReference[MIN_CAPACITY];
    private int size;

    OidTable() {
        this(new ReferenceQueue<>());
    }

    /** A table whose entries are dequeued from {@code collected} (tests hold them back with their own). */
    OidTable(ReferenceQueue<PersistentObject> collected) {
        this.collected = collected;
    }

    /**
     * HashMap's spreading of the folded oid: storages allocate oids sequentially, so nearby oids
     * land in nearby slots (cache-friendly, no clustering for dense ranges), and high bits still
     * reach small tables.
     */
    static int hash(long oid) {
        int h = (int) (oid ^ (oid >>> 32));
        return h ^ (h >>> 16);
    }

    /** Entries, counting those whose object was collected but not yet dequeued. */
    int size() {
        expunge();
        return size;
    }

    /** Slots in the table: a power of two, at least {@value #MIN_CAPACITY}. */
    int capacity() {
        return slots.length;
    }

    PersistentObject get(long oid) {
        OidReference[] table = slots;
        int hash = hash(oid);
        int mask = table.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            OidReference entry = table[i];
            if (entry == null) {
                return null;
            }
            if (entry.hash == hash) {
                PersistentObject object = entry.get();
                if (object != null && object.$jodbOid() == oid) {
                    return object;
                } // else collected, or another oid of the same hash: the run goes on
            }
        }
    }

    /** Maps the object's oid to it, replacing another object with the same oid. */
    void put(PersistentObject object) {
        expunge();
        long oid = object.$jodbOid();
        int hash = hash(oid);
        int mask = slots.length - 1;
        int i = hash & mask;
        for (OidReference entry; (entry = slots[i]) != null; i = (i + 1) & mask) {
            if (entry.hash == hash) {
                PersistentObject mapped = entry.get();
                if (mapped == object) {
                    return;
                }
                if (mapped != null && mapped.$jodbOid() == oid) {
                    entry.clear(); // a cleared reference is never enqueued; if it already was,
                    slots[i] = new OidReference(object, hash, collected); // removeEntry skips it
                    return;
                }
            }
        }
        // An entry of this oid whose object was collected may remain before i until it is dequeued.
        slots[i] = new OidReference(object, hash, collected);
        if (++size > slots.length - (slots.length >>> 2)) {
            rehash(slots.length << 1);
        }
    }

    /** Removes the object's entry, if it has one. */
    void remove(PersistentObject object) {
        int hash = hash(object.$jodbOid());
        int mask = slots.length - 1;
        for (int i = hash & mask; slots[i] != null; i = (i + 1) & mask) {
            if (slots[i].hash == hash && slots[i].refersTo(object)) {
                slots[i].clear();
                deleteAt(i);
                return;
            }
        }
    }

    /** Calls {@code action} for every object not yet collected. */
    void forEach(Consumer<PersistentObject> action) {
        for (OidReference entry : slots.clone()) { // the action may change the table
            PersistentObject object = entry == null ? null : entry.get();
            if (object != null) {
                action.accept(object);
            }
        }
    }

    /** Drops the entries of collected objects; shrinks the table when it became mostly empty. */
    void expunge() {
        boolean removed = false;
        for (Object stale; (stale = collected.poll()) != null; ) {
            removed |= removeEntry((OidReference) stale);
        }
        if (removed && slots.length > MIN_CAPACITY && size < slots.length >>> 3) {
            rehash(capacityFor(size));
        }
    }

    /**
     * Drops the entry of every collected object, including those whose reference the JVM has not
     * queued yet (that hand-over runs on another thread, a little after the collection), and
     * shrinks the table to fit. Costs O(capacity); for diagnostics such as heap profiles.
     */
    void sweep() {
        while (collected.poll() != null) {
            // the rehash below drops every cleared entry, queued or not
        }
        int live = 0;
        for (OidReference entry : slots) {
            if (entry != null && !entry.refersTo(null)) {
                live++;
            }
        }
        rehash(capacityFor(live));
    }

    /** The capacity a table shrinks to for {@code entries}: 2 to 4 slots per entry. */
    private static int capacityFor(int entries) {
        return Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, entries)) << 2);
    }

    private boolean removeEntry(OidReference stale) {
        int mask = slots.length - 1;
        for (int i = stale.hash & mask; slots[i] != null; i = (i + 1) & mask) {
            if (slots[i] == stale) {
                deleteAt(i);
                return true;
            }
        }
        return false; // replaced or dropped by a rehash already
    }

    /** Backward-shift deletion: later entries of the probe run move up, so lookups never stop early. */
    private void deleteAt(int hole) {
        int mask = slots.length - 1;
        slots[hole] = null;
        size--;
        for (int j = (hole + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
            int home = slots[j].hash & mask;
            boolean stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (!stays) {
                slots[hole] = slots[j];
                slots[j] = null;
                hole = j;
            }
        }
    }

    private void rehash(int capacity) {
        OidReference[] old = slots;
        slots = new OidReference[capacity];
        size = 0;
        int mask = capacity - 1;
        for (OidReference entry : old) {
            if (entry != null && !entry.refersTo(null)) {
                int i = entry.hash & mask;
                while (slots[i] != null) {
                    i = (i + 1) & mask;
                }
                slots[i] = entry;
                size++;
            }
        }
    }
}
