package org.jodb.storage.internal;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import org.jodb.storage.Storage;

/**
 * A set of oids for garbage collection: one bit per oid for the dense range storages allocate
 * from (oids count up from {@link Storage#FIRST_OID}), so marking a million objects costs about
 * 128 KiB; oids beyond {@code Integer.MAX_VALUE} fall back to a hash set.
 *
 * <p>Not thread-safe.
 */
public final class OidMarks {
    private final BitSet dense = new BitSet();
    private final Set<Long> sparse = new HashSet<>();
    private long size;

    /** Adds {@code oid}; false if it was already in the set. */
    public boolean add(long oid) {
        boolean added;
        if (oid >= 0 && oid <= Integer.MAX_VALUE) {
            added = !dense.get((int) oid);
            if (added) {
                dense.set((int) oid);
            }
        } else {
            added = sparse.add(oid);
        }
        if (added) {
            size++;
        }
        return added;
    }

    public boolean contains(long oid) {
        return oid >= 0 && oid <= Integer.MAX_VALUE ? dense.get((int) oid) : sparse.contains(oid);
    }

    /** Oids in the set. */
    public long size() {
        return size;
    }
}
