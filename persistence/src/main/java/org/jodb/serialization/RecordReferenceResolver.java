package org.jodb.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.ReferenceResolver;
import com.esotericsoftware.kryo.util.Util;
import java.util.ArrayList;

/**
 * Kryo's reference table for one record, reset after every record at a cost proportional to what
 * the record used. Kryo's {@code MapReferenceResolver} clears its whole table on reset (at least
 * 4,096 slots once anything was written), which made clearing, not encoding, the main cost of
 * storing many small objects. Same ids and the same choice of which classes are tracked
 * ({@link #useReferences}) as Kryo's resolver, so records read and write the same bytes.
 *
 * <p>The first {@value #LINEAR} objects of a record are found by a linear scan, without the identity
 * hash that a table needs: most records write one or two (a string, a list), and computing an
 * object's first identity hash costs more than comparing a few references.
 *
 * <p>Not thread-safe: one per Kryo instance.
 */
final class RecordReferenceResolver implements ReferenceResolver {
    private static final int LINEAR = 8;
    private static final int INITIAL_SLOTS = 64;
    /** A table grown past this by one large record is dropped at reset rather than kept. */
    private static final int MAX_KEPT_SLOTS = 1 << 14;

    /** The first objects written, by id. */
    private final Object[] first = new Object[LINEAR];
    /** Open addressing by identity, once more than {@link #LINEAR} objects were written: written objects and their ids; null marks a free slot. */
    private Object[] keys = new Object[INITIAL_SLOTS];
    private int[] ids = new int[INITIAL_SLOTS];
    /** The slots in use, in order of writing, so that reset clears only them. */
    private int[] used = new int[INITIAL_SLOTS / 2];
    private int written;
    private ArrayList<Object> readObjects = new ArrayList<>();

    @Override
    public void setKryo(Kryo kryo) {
        // needs nothing from it
    }

    @Override
    public int getWrittenId(Object object) {
        if (written <= LINEAR) {
            for (int id = 0; id < written; id++) {
                if (first[id] == object) {
                    return id;
                }
            }
            return -1;
        }
        int mask = keys.length - 1;
        for (int i = slot(object, mask); ; i = (i + 1) & mask) {
            Object key = keys[i];
            if (key == object) {
                return ids[i];
            }
            if (key == null) {
                return -1;
            }
        }
    }

    @Override
    public int addWrittenObject(Object object) {
        int id = written;
        if (id < LINEAR) {
            first[written++] = object;
            return id;
        }
        if (id == LINEAR) { // the table takes over
            written = 0;
            for (int k = 0; k < LINEAR; k++) {
                insert(first[k], k);
            }
        }
        if ((written + 1) * 2 > keys.length) {
            grow();
        }
        insert(object, id);
        return id;
    }

    @Override
    public int nextReadId(Class type) {
        int id = readObjects.size();
        readObjects.add(null);
        return id;
    }

    @Override
    public void setReadObject(int id, Object object) {
        readObjects.set(id, object);
    }

    @Override
    public Object getReadObject(Class type, int id) {
        return readObjects.get(id);
    }

    @Override
    public void reset() {
        for (int k = 0; k < Math.min(written, LINEAR); k++) {
            first[k] = null;
        }
        if (written > LINEAR && keys.length > MAX_KEPT_SLOTS) {
            keys = new Object[INITIAL_SLOTS];
            ids = new int[INITIAL_SLOTS];
            used = new int[INITIAL_SLOTS / 2];
        } else if (written > LINEAR) { // else the table holds nothing
            for (int k = 0; k < written; k++) {
                keys[used[k]] = null;
            }
        }
        written = 0;
        if (readObjects.size() > MAX_KEPT_SLOTS) {
            readObjects = new ArrayList<>();
        } else {
            readObjects.clear();
        }
    }

    /** As Kryo's {@code MapReferenceResolver}: every class but the primitive wrappers and enums. */
    @Override
    public boolean useReferences(Class type) {
        return !Util.isWrapperClass(type) && !Util.isEnum(type);
    }

    private void insert(Object object, int id) {
        int mask = keys.length - 1;
        int i = slot(object, mask);
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = object;
        ids[i] = id;
        used[written++] = i;
    }

    private void grow() {
        Object[] oldKeys = keys;
        int[] oldIds = ids;
        int[] oldUsed = used;
        int count = written;
        keys = new Object[oldKeys.length * 2];
        ids = new int[oldKeys.length * 2];
        used = new int[oldKeys.length];
        written = 0;
        for (int k = 0; k < count; k++) {
            insert(oldKeys[oldUsed[k]], oldIds[oldUsed[k]]);
        }
    }

    private static int slot(Object object, int mask) {
        int h = System.identityHashCode(object) * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
