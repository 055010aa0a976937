package org.jodb.btree;

import java.util.Arrays;
import java.util.Objects;
import org.jodb.cache.PersistentObject;

/**
 * The key-by-key part of a {@link Bucket} merge: a three-way merge of the entries of the state
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
 * the entries. Keys are compared and copied within their arrays
 * ({@link Bucket#compareKeys}, {@link System#arraycopy}), so {@code long} keys are never boxed.
 *
 * @param keys   the merged keys, sorted, exactly {@code size} long, an array of the buckets' key type
 * @param values the merged values, exactly {@code size} long
 * @param size   the number of merged entries
 * @param committedChanged whether the committed state changed any entry of the old one
 * @param mineChanged      whether the transaction's state changed any entry of the old one
 */
record BucketMerge(Object keys, Object[] values, int size, boolean committedChanged, boolean mineChanged) {

    /**
     * The merged entries of the three states of one bucket, or null if a key changed on both sides
     * in ways that cannot both hold. {@code mine} compares the keys.
     */
    static BucketMerge of(Bucket old, Bucket committed, Bucket mine) {
        Object oldKeys = old.keys();
        Object committedKeys = committed.keys();
        Object mineKeys = mine.keys();
        int oldSize = old.size();
        int committedSize = committed.size();
        int mineSize = mine.size();
        int capacity = committedSize + mineSize; // a bound: each merged key is in one of the two
        Object keys = mine.newKeys(capacity);
        Object[] values = new Object[capacity];
        int size = 0;
        boolean committedChangedAny = false;
        boolean mineChangedAny = false;
        int o = 0;
        int c = 0;
        int m = 0;
        while (o < oldSize || c < committedSize || m < mineSize) {
            // the smallest next key of the three: its array and index
            Object least = null;
            int at = -1;
            if (o < oldSize) {
                least = oldKeys;
                at = o;
            }
            if (c < committedSize && (least == null || mine.compareKeys(committedKeys, c, least, at) < 0)) {
                least = committedKeys;
                at = c;
            }
            if (m < mineSize && (least == null || mine.compareKeys(mineKeys, m, least, at) < 0)) {
                least = mineKeys;
                at = m;
            }
            boolean inOld = o < oldSize && mine.compareKeys(oldKeys, o, least, at) == 0;
            boolean inCommitted = c < committedSize && mine.compareKeys(committedKeys, c, least, at) == 0;
            boolean inMine = m < mineSize && mine.compareKeys(mineKeys, m, least, at) == 0;
            Object oldValue = inOld ? old.valueAt(o++) : null;
            Object committedValue = inCommitted ? committed.valueAt(c++) : null;
            Object mineValue = inMine ? mine.valueAt(m++) : null;

            boolean committedChanged = inCommitted != inOld || inOld && !sameValue(oldValue, committedValue);
            boolean mineChanged = inMine != inOld || inOld && !sameValue(oldValue, mineValue);
            committedChangedAny |= committedChanged;
            mineChangedAny |= mineChanged;
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
                System.arraycopy(least, at, keys, size, 1);
                values[size] = value;
                size++;
            }
        }
        return new BucketMerge(mine.copyKeys(keys, 0, size, size), Arrays.copyOf(values, size), size,
                committedChangedAny, mineChangedAny);
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
