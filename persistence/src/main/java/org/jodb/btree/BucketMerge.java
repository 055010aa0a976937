package org.jodb.btree;

import java.util.Arrays;
import java.util.Objects;
import org.jodb.cache.PersistentObject;

/**
 * The key-by-key part of a {@link LongBucket} merge: a three-way merge of the entries of the state
 * a transaction started from ("old"), the committed state and the transaction's own ("mine"), each
 * sorted by key. Every key of any of the three is decided on its own:
 * <ul>
 *   <li>unchanged on my side (same presence and value as in old): the committed side's entry, or
 *       none if it removed the key;</li>
 *   <li>unchanged on the committed side: mine;</li>
 *   <li>changed on both sides: merged only when both changed an existing key's value to the same
 *       value; anything else refuses (two inserts or two removals of one key would each be
 *       counted in the tree's size, and any other pair of changes contradicts).</li>
 * </ul>
 * A walk of the three sorted arrays at once, so the merged keys come out sorted, in time linear in
 * the entries.
 *
 * @param keys   the merged keys, sorted, exactly {@code size} long
 * @param values the merged values, exactly {@code size} long
 * @param size   the number of merged entries
 */
record BucketMerge(long[] keys, Object[] values, int size) {

    /** The merged entries, or null if a key changed on both sides in ways that cannot both hold. */
    static BucketMerge of(long[] oldKeys, Object[] oldValues, int oldSize,
                          long[] committedKeys, Object[] committedValues, int committedSize,
                          long[] mineKeys, Object[] mineValues, int mineSize) {
        int capacity = committedSize + mineSize; // a bound: each merged key is in one of the two
        long[] keys = new long[capacity];
        Object[] values = new Object[capacity];
        int size = 0;
        int o = 0;
        int c = 0;
        int m = 0;
        while (o < oldSize || c < committedSize || m < mineSize) {
            long key = Long.MAX_VALUE;
            if (o < oldSize) {
                key = oldKeys[o];
            }
            if (c < committedSize) {
                key = Math.min(key, committedKeys[c]);
            }
            if (m < mineSize) {
                key = Math.min(key, mineKeys[m]);
            }
            boolean inOld = o < oldSize && oldKeys[o] == key;
            boolean inCommitted = c < committedSize && committedKeys[c] == key;
            boolean inMine = m < mineSize && mineKeys[m] == key;
            Object oldValue = inOld ? oldValues[o++] : null;
            Object committedValue = inCommitted ? committedValues[c++] : null;
            Object mineValue = inMine ? mineValues[m++] : null;

            boolean committedChanged = inCommitted != inOld || inOld && !sameValue(oldValue, committedValue);
            boolean mineChanged = inMine != inOld || inOld && !sameValue(oldValue, mineValue);
            boolean present;
            Object value;
            if (!mineChanged) {
                present = inCommitted;
                value = committedValue;
            } else if (!committedChanged) {
                present = inMine;
                value = mineValue;
            } else if (inOld && inCommitted && inMine && sameValue(committedValue, mineValue)) {
                present = true; // the same new value on both sides: the size did not change
                value = mineValue;
            } else {
                return null;
            }
            if (present) {
                keys[size] = key;
                values[size] = value;
                size++;
            }
        }
        return new BucketMerge(Arrays.copyOf(keys, size), Arrays.copyOf(values, size), size);
    }

    /**
     * Persistent objects are the same only as the same instance (each state's references resolve to
     * the connection's one instance per oid); plain values are independent copies in each state,
     * so they compare by content.
     */
    private static boolean sameValue(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof PersistentObject || b instanceof PersistentObject) {
            return false;
        }
        return Objects.deepEquals(a, b);
    }
}
