package org.jodb.btree;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import org.jodb.Persistent;
import org.jodb.cache.PersistentObject;

/**
 * A leaf of a {@link LongBTree}: up to the tree's bucket capacity of entries in key order, the keys
 * unboxed, and a link to the next bucket for scans. Its own record; a ghost until touched.
 *
 * <p>Arrays grow with the entries (up to the capacity), so a half-full bucket's record holds about
 * half a full one's bytes. Changes made in place mark the bucket changed explicitly, so the class
 * skips the commit-time comparison ({@code detectChanges = false}): a transaction that only reads
 * buckets costs no digest at commit.
 *
 * <p>Each bucket stores a reference to its tree, so that deep deactivation can tell the tree's
 * loaded buckets among everything a connection's cache holds ({@link TreeDeactivation}).
 */
@Persistent(detectChanges = false)
final class LongBucket {
    private static final int INITIAL_LENGTH = 8;
    private static final VarHandle TREE;
    private static final VarHandle VALUES;
    private static final VarHandle SIZE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TREE = lookup.findVarHandle(LongBucket.class, "tree", LongBTree.class);
            VALUES = lookup.findVarHandle(LongBucket.class, "values", Object[].class);
            SIZE = lookup.findVarHandle(LongBucket.class, "size", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The tree this bucket belongs to; never changes. */
    private LongBTree<?> tree;
    private long[] keys;
    private Object[] values;
    private int size;
    private LongBucket next;

    LongBucket(LongBTree<?> tree) {
        this(tree, new long[INITIAL_LENGTH], new Object[INITIAL_LENGTH], 0);
    }

    private LongBucket(LongBTree<?> tree, long[] keys, Object[] values, int size) {
        this.tree = tree;
        this.keys = keys;
        this.values = values;
        this.size = size;
    }

    int size() {
        return size;
    }

    // Raw reads, for deep deactivation: a VarHandle bypasses the enhanced read hook, so reading a
    // loaded bucket neither reports a use to the cache nor begins a transaction (whose
    // invalidations could ghost the bucket and make the read load it again). A ghost reads as
    // cleared: null tree, no values.

    /** The tree of this bucket if it is loaded (or new), else null; loads nothing. */
    static LongBTree<?> treeIfLoaded(LongBucket bucket) {
        return (LongBTree<?>) TREE.get(bucket);
    }

    /** The values of this bucket if it is loaded (or new), else an empty array; loads nothing. */
    static Object[] valuesIfLoaded(LongBucket bucket) {
        Object[] values = (Object[]) VALUES.get(bucket);
        return values == null ? new Object[0] : Arrays.copyOf(values, (int) SIZE.get(bucket));
    }

    long keyAt(int index) {
        return keys[index];
    }

    Object valueAt(int index) {
        return values[index];
    }

    LongBucket next() {
        return next;
    }

    void setNext(LongBucket following) {
        if (next != following) {
            next = following;
        }
    }

    /** The key's index, or {@code -(insertion point) - 1} as {@link Arrays#binarySearch}. */
    int search(long key) {
        return Arrays.binarySearch(keys, 0, size, key);
    }

    /** Index of the first key {@code >= key} ({@code > key} unless inclusive); {@code size()} if none. */
    int ceilingIndex(long key, boolean inclusive) {
        int found = search(key);
        if (found >= 0) {
            return inclusive ? found : found + 1;
        }
        return -found - 1;
    }

    /** Index of the last key {@code <= key} ({@code < key} unless inclusive); -1 if none. */
    int floorIndex(long key, boolean inclusive) {
        int found = search(key);
        if (found >= 0) {
            return inclusive ? found : found - 1;
        }
        return -found - 2;
    }

    Object replaceValue(int index, Object value) {
        Object previous = values[index];
        if (previous != value) { // an identical value leaves the record unwritten
            values[index] = value;
            changed();
        }
        return previous;
    }

    /** Inserts at {@code index}; the caller has checked that the bucket is below {@code capacity}. */
    void insert(int index, long key, Object value, int capacity) {
        if (size == keys.length) {
            int length = Math.min(capacity, Math.max(INITIAL_LENGTH, size + (size >> 1)));
            keys = Arrays.copyOf(keys, length);
            values = Arrays.copyOf(values, length);
        }
        System.arraycopy(keys, index, keys, index + 1, size - index);
        System.arraycopy(values, index, values, index + 1, size - index);
        keys[index] = key;
        values[index] = value;
        size++;
        changed();
    }

    Object removeAt(int index) {
        Object previous = values[index];
        int moved = size - index - 1;
        System.arraycopy(keys, index + 1, keys, index, moved);
        System.arraycopy(values, index + 1, values, index, moved);
        size--;
        values[size] = null; // no stale reference keeps a removed value reachable
        changed();
        return previous;
    }

    /**
     * Splits this full bucket while inserting one more entry at {@code index}: this bucket keeps
     * the lower half, the returned new bucket (linked after this one) the upper half. An entry
     * added after the last one leaves this bucket full and starts the new one with the entry
     * alone, so that ascending inserts (appends) fill buckets instead of leaving them half full.
     */
    LongBucket splitInserting(int index, long key, Object value) {
        int total = size + 1;
        long[] allKeys = new long[total];
        Object[] allValues = new Object[total];
        System.arraycopy(keys, 0, allKeys, 0, index);
        System.arraycopy(values, 0, allValues, 0, index);
        allKeys[index] = key;
        allValues[index] = value;
        System.arraycopy(keys, index, allKeys, index + 1, size - index);
        System.arraycopy(values, index, allValues, index + 1, size - index);
        int lower = index == size ? size : total / 2;
        int upper = total - lower;
        LongBucket right = new LongBucket(tree, Arrays.copyOfRange(allKeys, lower, total),
                Arrays.copyOfRange(allValues, lower, total), upper);
        right.next = next;
        keys = Arrays.copyOf(allKeys, lower);
        values = Arrays.copyOf(allValues, lower);
        size = lower;
        next = right;
        return right;
    }

    private void changed() {
        ((PersistentObject) (Object) this).markChanged();
    }
}
