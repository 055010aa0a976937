package org.jodb.btree;

import java.util.Comparator;
import java.util.Objects;
import org.jodb.Persistent;

/**
 * A persistent sorted map from {@code long} keys to values: a {@link BTree} whose buckets and
 * nodes keep the keys unboxed in {@code long[]} arrays, in memory and in their records. The
 * {@code long} methods ({@link #get(long)}, {@link #containsKey(long)}, {@link #put(long, Object)},
 * {@link #remove(long)}) spare the caller the boxing; lookups with a {@code long} box nothing.
 * See {@link BTree} for how the tree is stored, commits, merges concurrent changes and frees memory.
 *
 * <p><b>Capacities.</b> The defaults, 120 entries per bucket and 500 children per node, are ZODB's
 * for integer keys; {@code BTreeBenchmark} measures the tree with them.
 *
 * <p>Keys are never null ({@link NullPointerException}, as {@code TreeMap}); a key that is not a
 * {@link Long} throws {@link ClassCastException}. {@link #comparator()} is null: natural order.
 *
 * <p>Not thread-safe: like every persistent object, a tree is used by its connection's thread.
 *
 * @param <V> the value type
 */
@Persistent(detectChanges = false)
public class LongBTree<V> extends BTree<Long, V> {
    /** Entries per bucket unless given. */
    public static final int DEFAULT_BUCKET_CAPACITY = 120;
    /** Children per internal node unless given. */
    public static final int DEFAULT_NODE_CAPACITY = 500;

    /** An empty tree with the default capacities. */
    public LongBTree() {
        this(DEFAULT_BUCKET_CAPACITY, DEFAULT_NODE_CAPACITY);
    }

    /**
     * An empty tree whose buckets hold up to {@code bucketCapacity} entries and whose internal nodes
     * hold up to {@code nodeCapacity} children.
     *
     * @throws IllegalArgumentException if {@code bucketCapacity < 2} or {@code nodeCapacity < 3}
     */
    public LongBTree(int bucketCapacity, int nodeCapacity) {
        super(bucketCapacity, nodeCapacity);
        plantRoot();
    }

    /** The value for {@code key}, or null. */
    public V get(long key) {
        // As bucketFor, keeping the separators around each child: they bound its keys, and the
        // search of the child interpolates between them (see LongSearch).
        Object part = rootPart();
        long low = Long.MIN_VALUE; // no bound
        long high = Long.MAX_VALUE;
        while (part instanceof LongTreeNode) {
            LongTreeNode node = (LongTreeNode) part;
            int child = node.childIndexFor(key, low, high);
            if (child > 0) {
                low = node.longSeparatorAt(child - 1);
            }
            if (child < node.size() - 1) {
                high = node.longSeparatorAt(child);
            }
            part = node.childAt(child);
        }
        LongBucket bucket = (LongBucket) part;
        int index = bucket.search(key, low, high);
        return index < 0 ? null : value(bucket, index);
    }

    public boolean containsKey(long key) {
        return bucketFor(key).search(key) >= 0;
    }

    /** Maps {@code key} to {@code value}; returns the previous value, or null. */
    public V put(long key, V value) {
        return putKey(key, value);
    }

    /** Removes {@code key}'s entry; returns its value, or null if there was none. */
    public V remove(long key) {
        return removeKey(key);
    }

    /** The bucket whose key range holds {@code key}: the lookup path, with unboxed keys throughout. */
    private LongBucket bucketFor(long key) {
        Object part = rootPart();
        while (part instanceof LongTreeNode) {
            LongTreeNode node = (LongTreeNode) part;
            part = node.childAt(node.childIndexFor(key));
        }
        return (LongBucket) part;
    }

    /** {@code key} unboxed; {@link NullPointerException} for null, {@link ClassCastException} if not a Long. */
    static long longKeyOf(Object key) {
        return (Long) Objects.requireNonNull(key, "null key");
    }

    @Override
    Bucket newBucket() {
        return new LongBucket(this, bucketCapacity());
    }

    @Override
    TreeNode newRoot(Object left, Object separator, Object right) {
        return new LongTreeNode(this, left, (Long) separator, right);
    }

    @Override
    Object checkedKey(Object key) {
        return (Long) Objects.requireNonNull(key, "null key");
    }

    @Override
    int compare(Object a, Object b) {
        return Long.compare((Long) a, (Long) b);
    }

    @Override
    public Comparator<? super Long> comparator() {
        return null;
    }
}
