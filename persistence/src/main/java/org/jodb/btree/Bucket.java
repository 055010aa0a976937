package org.jodb.btree;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import org.jodb.MergesConflicts;
import org.jodb.Persistent;
import org.jodb.cache.PersistentObject;

/**
 * A leaf of a {@link BTree}: up to the tree's bucket capacity of entries in key order and a link
 * to the next bucket for scans. Its own record; a ghost until touched. This class holds what every
 * bucket has (values, count, link, tree, capacity) and the algorithms on them (insert, remove,
 * split, merge); a subclass holds the keys in an array of its own type ({@link LongBucket}:
 * unboxed {@code long[]}; {@link ObjectBucket}: {@code Object[]} and the comparator) and compares
 * them. The algorithms move keys with {@link System#arraycopy}, which works on either array type,
 * so no key is boxed to move it.
 *
 * <p>Arrays grow with the entries (up to the capacity), so a half-full bucket's record holds about
 * half a full one's bytes. Changes made in place mark the bucket changed explicitly, so the class
 * skips the commit-time comparison ({@code detectChanges = false}): a transaction that only reads
 * buckets costs no digest at commit.
 *
 * <p>Each bucket stores a reference to its tree, so that deep deactivation can tell the tree's
 * loaded buckets among everything a connection's cache holds ({@link TreeDeactivation}), and its
 * capacity (the tree's bucket capacity), so that a merge can tell whether its result fits.
 *
 * <p><b>Concurrent changes merge</b> ({@link MergesConflicts}): when two transactions changed the
 * same bucket, the later commit merges both sides' changes key by key, so inserts, removals and
 * value changes of different keys all commit; see {@link #mergeConflict} for the rules and
 * {@link BucketMerge} for the key-by-key part.
 */
@Persistent(detectChanges = false)
abstract class Bucket implements MergesConflicts<Bucket> {
    static final int INITIAL_LENGTH = 8;
    private static final VarHandle TREE;
    private static final VarHandle VALUES;
    private static final VarHandle SIZE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TREE = lookup.findVarHandle(Bucket.class, "tree", BTree.class);
            VALUES = lookup.findVarHandle(Bucket.class, "values", Object[].class);
            SIZE = lookup.findVarHandle(Bucket.class, "size", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The tree this bucket belongs to; never changes. */
    private BTree<?, ?> tree;
    private Object[] values;
    private int size;
    private Bucket next;
    /**
     * The most entries this bucket may hold: its tree's bucket capacity, kept here so that a merge
     * (which must not read the tree) can tell whether the merged entries fit. 0 in a record stored
     * before buckets kept it: such a bucket refuses to merge until its next insert records it.
     */
    private int capacity;
    /**
     * The lowest key this bucket may hold, boxed, as its last {@linkplain #splitAppending appending
     * split} left it (the separator before it in its parent then); null if it never split so. A
     * merge needs it: when the other side moved this bucket's older entries to a new bucket on its
     * left, a key this side inserted belongs here only if it is not below the bound.
     */
    private Object low;

    Bucket(BTree<?, ?> tree, Object[] values, int size, int capacity) {
        this.tree = tree;
        this.values = values;
        this.size = size;
        this.capacity = capacity;
    }

    // ---- the keys, in the subclass's array type ---------------------------------------------------

    /** The key array (a {@code long[]} or an {@code Object[]}), at least {@code size()} long. */
    abstract Object keys();

    abstract void setKeys(Object keys);

    /** A new key array of this bucket's type. */
    abstract Object newKeys(int length);

    /** A new bucket of this bucket's type and tree, holding these entries. */
    abstract Bucket newBucket(Object keys, Object[] values, int size, int capacity);

    /** The key at {@code index}, boxed if the keys are primitive. */
    abstract Object keyAt(int index);

    /** Entry {@code index} as a live entry of {@code tree} (its {@code setValue} writes to the tree). */
    @SuppressWarnings("unchecked")
    <K, V> java.util.Map.Entry<K, V> entryAt(BTree<K, V> tree, int index) {
        return new TreeEntry<>(tree, (K) keyAt(index), (V) valueAt(index));
    }

    /** Stores {@code key} (of the tree's key type) at {@code index} of {@code keys}. */
    abstract void setKey(Object keys, int index, Object key);

    /** The key's index, or {@code -(insertion point) - 1} as {@link Arrays#binarySearch}. */
    abstract int search(Object key);

    /**
     * Compares key {@code i} of the key array {@code a} with key {@code j} of {@code b} (arrays of
     * this bucket's type), for a merge: it uses only what the bucket's own state holds.
     */
    abstract int compareKeys(Object a, int i, Object b, int j);

    /** Whether {@code other}, a state of this bucket, orders keys as this one does. */
    abstract boolean sameOrder(Bucket other);

    // Raw reads, for deep deactivation: a VarHandle bypasses the enhanced read hook, so reading a
    // loaded bucket neither reports a use to the cache nor begins a transaction (whose
    // invalidations could ghost the bucket and make the read load it again). A ghost reads as
    // cleared: null tree, no values.

    /** The tree of this bucket if it is loaded (or new), else null; loads nothing. */
    static BTree<?, ?> treeIfLoaded(Bucket bucket) {
        return (BTree<?, ?>) TREE.get(bucket);
    }

    /** The values of this bucket if it is loaded (or new), else an empty array; loads nothing. */
    static Object[] valuesIfLoaded(Bucket bucket) {
        Object[] values = (Object[]) VALUES.get(bucket);
        return values == null ? new Object[0] : Arrays.copyOf(values, (int) SIZE.get(bucket));
    }

    final BTree<?, ?> tree() {
        return tree;
    }

    final int size() {
        return size;
    }

    final Object valueAt(int index) {
        return values[index];
    }

    final Bucket next() {
        return next;
    }

    final void setNext(Bucket following) {
        if (next != following) {
            next = following;
        }
    }

    /** Index of the first key {@code >= key} ({@code > key} unless inclusive); {@code size()} if none. */
    final int ceilingIndex(Object key, boolean inclusive) {
        int found = search(key);
        if (found >= 0) {
            return inclusive ? found : found + 1;
        }
        return -found - 1;
    }

    /** Index of the last key {@code <= key} ({@code < key} unless inclusive); -1 if none. */
    final int floorIndex(Object key, boolean inclusive) {
        int found = search(key);
        if (found >= 0) {
            return inclusive ? found : found - 1;
        }
        return -found - 2;
    }

    final Object replaceValue(int index, Object value) {
        Object previous = values[index];
        if (previous != value) { // an identical value leaves the record unwritten
            values[index] = value;
            changed();
        }
        return previous;
    }

    /** Inserts at {@code index}; the caller has checked that the bucket is below {@code capacity}. */
    final void insert(int index, Object key, Object value, int capacity) {
        this.capacity = capacity; // already so, except in a bucket stored before buckets kept it
        Object keys = keys();
        if (size == values.length) {
            int length = Math.min(capacity, Math.max(INITIAL_LENGTH, size + (size >> 1)));
            keys = copyKeys(keys, 0, size, length);
            setKeys(keys);
            values = Arrays.copyOf(values, length);
        }
        System.arraycopy(keys, index, keys, index + 1, size - index);
        System.arraycopy(values, index, values, index + 1, size - index);
        setKey(keys, index, key);
        values[index] = value;
        size++;
        changed();
    }

    final Object removeAt(int index) {
        Object previous = values[index];
        int moved = size - index - 1;
        Object keys = keys();
        System.arraycopy(keys, index + 1, keys, index, moved);
        System.arraycopy(values, index + 1, values, index, moved);
        size--;
        values[size] = null; // no stale reference keeps a removed value reachable
        if (keys instanceof Object[]) {
            ((Object[]) keys)[size] = null; // nor a removed key
        }
        changed();
        return previous;
    }

    /**
     * Splits this full bucket while inserting one more entry at {@code index}: this bucket keeps
     * the lower half, the returned new bucket (linked after this one) the upper half. Appends
     * after the tree's last key split the other way ({@link #splitAppending}).
     */
    final Bucket splitInserting(int index, Object key, Object value) {
        int total = size + 1;
        Object keys = keys();
        Object allKeys = newKeys(total);
        Object[] allValues = new Object[total];
        System.arraycopy(keys, 0, allKeys, 0, index);
        System.arraycopy(values, 0, allValues, 0, index);
        setKey(allKeys, index, key);
        allValues[index] = value;
        System.arraycopy(keys, index, allKeys, index + 1, size - index);
        System.arraycopy(values, index, allValues, index + 1, size - index);
        int lower = total / 2;
        int upper = total - lower;
        Bucket right = newBucket(copyKeys(allKeys, lower, total, upper),
                Arrays.copyOfRange(allValues, lower, total), upper, capacity);
        right.next = next;
        setKeys(copyKeys(allKeys, 0, lower, lower));
        values = Arrays.copyOf(allValues, lower);
        size = lower;
        next = right;
        changed();
        return right;
    }

    /**
     * Splits this full bucket, the last of its tree, while appending an entry after its last key:
     * the returned new bucket takes all entries but the newest {@link #keptByAppendingSplit} and
     * goes on this bucket's left; this bucket keeps those few and the appended entry, and records
     * the lowest of them as its {@link #low} bound. So the bucket that appenders write stays the
     * same object across the split, and a concurrent append (a key above the bound) made against
     * the state before the split merges instead of conflicting. The new bucket is filled to
     * seven eighths, so appends leave the tree that full. The caller links the new bucket in:
     * into the parent in this bucket's place, and after the previous bucket.
     */
    final Bucket splitAppending(Object key, Object value) {
        int kept = keptByAppendingSplit(size);
        int moved = size - kept;
        Object keys = keys();
        Bucket left = newBucket(copyKeys(keys, 0, moved, moved), Arrays.copyOf(values, moved), moved, capacity);
        left.next = this;
        int length = Math.min(capacity, Math.max(INITIAL_LENGTH, kept + 1));
        Object keptKeys = newKeys(length);
        System.arraycopy(keys, moved, keptKeys, 0, kept);
        setKey(keptKeys, kept, key);
        Object[] keptValues = new Object[length];
        System.arraycopy(values, moved, keptValues, 0, kept);
        keptValues[kept] = value;
        setKeys(keptKeys);
        values = keptValues;
        size = kept + 1;
        low = keyAt(0);
        changed();
        return left;
    }

    /**
     * Entries a full bucket of {@code size} keeps in an appending split: an eighth, at least one.
     * They are the newest keys, where appends still in flight in other transactions land.
     */
    static int keptByAppendingSplit(int size) {
        return Math.max(1, size / 8);
    }

    /**
     * Entries a merge may add beyond the capacity: an eighth of it. Appenders in flight when the
     * last bucket fills each add an entry that their own state still had room for; refusing them
     * all would make every fill a conflict. The next insert into such a bucket splits it; an
     * appending split of it still leaves at most {@code capacity} entries on the left.
     */
    static int mergeOverfill(int capacity) {
        return capacity / 8;
    }

    /** Keys {@code from} to {@code to} of {@code keys} in a new array of {@code length}. */
    final Object copyKeys(Object keys, int from, int to, int length) {
        Object copy = newKeys(length);
        System.arraycopy(keys, from, copy, 0, to - from);
        return copy;
    }

    /**
     * Merges the changes the committed state made (relative to {@code old}) into this
     * transaction's state, or refuses. Entries merge key by key ({@link BucketMerge}): a key that
     * only one side inserted, removed or changed takes that side's change. It refuses
     * ({@link org.jodb.ConflictException}, nothing written) when:
     * <ul>
     *   <li>both sides inserted the same key, or both removed it, or one removed it while the
     *       other changed its value, or both changed its value to different values: the two
     *       changes cannot both hold; and two inserts or two removals of one key would each count
     *       in the tree's size stripes, which would then count one entry twice. Both sides changing
     *       a key's value to the same value merges (the size is unchanged). Values are the same
     *       when they are the same instance if persistent (references resolve to the connection's
     *       instances), else when {@link java.util.Objects#deepEquals} says so (arrays by content):
     *       so plain values without {@code equals} look changed on both sides and refuse;</li>
     *   <li>the bucket is empty on either side or after the merge: an emptied bucket is taken out
     *       of its parent (or must be) by the side that emptied it, which the merge cannot do, and
     *       every bucket but a lone root one holds an entry (a root bucket refuses too: it cannot
     *       tell it is the root without reading its tree);</li>
     *   <li>the link to the next bucket differs on both sides; or on one side that also changed
     *       entries: the bucket split (the new bucket now holds part of its key range, which the
     *       other side's keys may fall in). A link changed with the entries left alone merges: a
     *       bucket made between this one and its next one (an appending split of the next one),
     *       or the next one emptied and gone, leaves this bucket's key range whole or wider;</li>
     *   <li>both sides split the bucket appending ({@link #splitAppending}: its lower bound
     *       changed on both sides), or one did and a merged key lies below its new bound (that
     *       key belongs to the bucket the split made on the left);</li>
     *   <li>the merged entries exceed the capacity by more than {@link #mergeOverfill}: the bucket
     *       would have to split, which needs its parent; or the capacity is unknown (0, a bucket
     *       stored before it was kept) or differs between the states;</li>
     *   <li>the tree reference differs between the states (it never changes; a difference means
     *       the states are not of one bucket of one tree), or so does the key order (an object
     *       bucket's comparator class).</li>
     * </ul>
     * The merged keys stay sorted, the count is the number of merged entries, and the arrays hold
     * exactly the merged entries (no stale value is kept reachable past the count).
     */
    @Override
    public final boolean mergeConflict(Bucket old, Bucket committed) {
        if (tree != old.tree || committed.tree != old.tree || !sameOrder(old) || !sameOrder(committed)) {
            return false;
        }
        boolean mineRelinked = next != old.next;
        boolean committedRelinked = committed.next != old.next;
        boolean mineSplit = !sameBound(low, old.low);
        boolean committedSplit = !sameBound(committed.low, old.low);
        if (mineRelinked && committedRelinked || mineSplit && committedSplit) {
            return false;
        }
        if (capacity <= 0 || capacity != old.capacity || capacity != committed.capacity) {
            return false;
        }
        if (size == 0 || committed.size == 0) {
            return false;
        }
        BucketMerge merged = BucketMerge.of(old, committed, this);
        if (merged == null || merged.size() == 0 || merged.size() > capacity + mergeOverfill(capacity)) {
            return false;
        }
        if (mineRelinked && merged.mineChanged() || committedRelinked && merged.committedChanged()) {
            return false;
        }
        Object bound = committedSplit ? committed.low : low;
        if ((mineSplit || committedSplit) && compareKeys(merged.keys(), 0, boundAsKeys(bound), 0) < 0) {
            return false;
        }
        if (committedRelinked) {
            next = committed.next;
        }
        low = bound;
        setKeys(merged.keys());
        values = merged.values();
        size = merged.size();
        return true;
    }

    /** Whether two {@link #low} bounds are the same key (or both absent), in this bucket's order. */
    private boolean sameBound(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        return compareKeys(boundAsKeys(a), 0, boundAsKeys(b), 0) == 0;
    }

    /** A one-key array of this bucket's key type holding {@code bound}, for {@link #compareKeys}. */
    private Object boundAsKeys(Object bound) {
        Object keys = newKeys(1);
        setKey(keys, 0, bound);
        return keys;
    }

    final void changed() {
        ((PersistentObject) (Object) this).markChanged();
    }
}
