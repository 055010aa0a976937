package org.jodb.cache;

import java.util.Arrays;

/**
 * The objects a connection has used in the current transaction, in order of first use: what
 * {@link ObjectCache#resetAccessed()} turns back from ACCESSED to UPTODATE.
 *
 * <p>Why an array and not the recency rings: the rings hold the same objects at their fronts, but
 * walking them is a pointer chase through objects scattered over the heap, one likely cache miss
 * per object, and its speed depends on where the collector happened to put them. A JFR profile of
 * a commit after reading 10,000 objects spent 54–64% of it in that walk. This array is read
 * sequentially; only the state byte of each object is then touched.
 *
 * <p>An object is appended on each ACCESSED transition the cache hears of (a load, a first use),
 * so at most once per transaction unless it was evicted and reloaded inside it; a repeated entry
 * finds the object already UPTODATE (or a ghost) and is skipped. Entries are strong references,
 * so an eviction inside the transaction (a savepoint, {@code minimize()}) ends with
 * {@link #retainAccessed()}: a long transaction that bounds its memory that way must not keep
 * every ghost it made alive until its end. Not thread-safe.
 */
final class UsedObjects {
    private static final int INITIAL_CAPACITY = 64;
    /** Capacity kept after a reset however few objects a transaction used: avoids regrowing. */
    private static final int RETAINED_CAPACITY = 4096;

    private PersistentObject[] objects = new PersistentObject[INITIAL_CAPACITY];
    private int size;

    /** Records that {@code object} was just made ACCESSED. */
    void add(PersistentObject object) {
        if (size == objects.length) {
            objects = Arrays.copyOf(objects, size * 2);
        }
        objects[size++] = object;
    }

    /**
     * Turns every recorded object that is still ACCESSED into UPTODATE (others were since changed,
     * pinned, evicted or already reset) and forgets them all. O(objects recorded), sequential.
     */
    void resetAccessed() {
        PersistentObject[] recorded = objects;
        for (int i = 0; i < size; i++) {
            PersistentObject object = recorded[i];
            if (object.$jodbState() == StateCodes.ACCESSED) {
                object.$jodbState(StateCodes.UPTODATE);
            }
        }
        if (recorded.length > RETAINED_CAPACITY && size < recorded.length / 4) {
            // One large transaction should not pin a large array for the life of the connection.
            objects = new PersistentObject[Math.max(RETAINED_CAPACITY, recorded.length / 2)];
        } else {
            Arrays.fill(recorded, 0, size, null);
        }
        size = 0;
    }

    /**
     * Forgets every recorded object that is no longer ACCESSED (evicted, changed, pinned): the
     * reset would skip it anyway, and an object becomes ACCESSED again only through a load or a
     * first use, which records it again. O(objects recorded), sequential.
     */
    void retainAccessed() {
        PersistentObject[] recorded = objects;
        int kept = 0;
        for (int i = 0; i < size; i++) {
            PersistentObject object = recorded[i];
            if (object.$jodbState() == StateCodes.ACCESSED) {
                recorded[kept++] = object;
            }
        }
        Arrays.fill(recorded, kept, size, null);
        size = kept;
    }

    /** How many entries are recorded (for tests). */
    int size() {
        return size;
    }
}
