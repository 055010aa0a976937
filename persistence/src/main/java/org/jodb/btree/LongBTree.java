package org.jodb.btree;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jodb.Persistence;
import org.jodb.Persistent;
import org.jodb.cache.ObjectState;
import org.jodb.cache.PersistentObject;
import org.jodb.enhance.Enhancement;

/**
 * A persistent sorted map from {@code long} keys to values, as a B+tree whose parts are separate
 * persistent objects: the tree object, its internal nodes ({@code LongTreeNode}) and its buckets
 * ({@code LongBucket}: keys unboxed in a {@code long[]}, values in an {@code Object[]}, a link to
 * the next bucket), each its own record and a ghost until touched. A lookup loads the nodes and
 * the one bucket on its path. A change writes the bucket it changes (an insert or removal also one
 * small size stripe, see below); only a bucket that splits or empties writes its parent too (and
 * a node that splits, its own parent), so a commit writes a few small records whatever the tree's
 * size. Values are stored like fields: persistent objects by reference, anything else
 * inside the bucket's record. A value changed in place (a plain list, say) is not seen: put it
 * again, or store persistent objects.
 *
 * <p><b>Concurrent changes.</b> Two transactions changing different keys of one bucket both
 * commit: the later one merges the bucket key by key (see {@code LongBucket.mergeConflict} for
 * what still conflicts: the same key changed on both sides, a bucket emptied, split or overfilled
 * by the merge). A split or an emptied bucket writes the parent node, which does not merge.
 *
 * <p><b>Capacities.</b> Buckets hold up to {@code bucketCapacity} entries and nodes up to
 * {@code nodeCapacity} children, fixed at creation; the defaults (120 and 500, ZODB's for integer
 * keys) are a starting point, to be replaced by figures from a benchmark. A full bucket or node
 * splits in two halves, except when the entry goes after its last one: then the new sibling starts
 * with that entry alone, so that ascending inserts leave full buckets behind, not half-full ones.
 *
 * <p><b>Removals.</b> A bucket leaves the tree only when it empties (its parent and the bucket
 * before it are then written), a node when its last child leaves, and a root node with a single
 * child is replaced by that child. Buckets and nodes are never merged or rebalanced, as in ZODB:
 * a removal then writes only the bucket it removes from, never a neighbour, which keeps removals
 * from conflicting with work on neighbouring buckets. The cost: after many removals buckets may be
 * sparse, and a lookup costs the depth the tree had at its largest.
 *
 * <p><b>size() is O(1)</b> without a counter that every insert writes. The count is split over a
 * few small {@code SizeStripe} records (up to 8, created as used); a transaction adds its inserts
 * and removals to one stripe, chosen at random unless it already changed one, and {@code size()}
 * sums the stripes. A stripe that two transactions both changed merges at commit by summing both
 * sides' changes ({@link org.jodb.MergesConflicts}), so transactions changing different buckets
 * never conflict on the count, and no update of it is lost. Each insert or removal writes one
 * stripe (a few bytes) besides its bucket. Rejected alternatives: the sum of the buckets' counts
 * costs O(n / bucketCapacity) loads after another connection's commit; a count per child in the
 * nodes writes the whole path, root included, on every insert (three or more records of up to
 * {@code nodeCapacity} entries instead of one bucket), and every two concurrent inserts conflict
 * on the root. Sub-map views count their entries by scanning, as {@code TreeMap}'s.
 *
 * <p>Keys are never null ({@link NullPointerException}, as {@code TreeMap}); a key that is not a
 * {@link Long} throws {@link ClassCastException}. {@link #comparator()} is null: natural order. The
 * views ({@link #subMap}, {@link #descendingMap}, {@link #keySet}, {@link #entrySet}, ...) read
 * and write through to the tree, and their iterators' {@code remove} and entries'
 * {@code setValue} work; entries returned by navigation methods ({@link #firstEntry}, ...) are
 * snapshots. Iterators fail fast with {@code ConcurrentModificationException} on inserts and
 * removals not made through them.
 *
 * <p><b>Freeing memory.</b> {@link Persistence#deactivateDeep} turns the tree and everything the
 * connection has loaded of it (persistent values, buckets, nodes, at any depth) back into ghosts
 * without loading anything; for that every bucket and node stores a reference to its tree (a few
 * bytes per record), see {@link TreeDeactivation}.
 *
 * <p>Not thread-safe: like every persistent object, a tree is used by its connection's thread.
 *
 * @param <V> the value type
 */
@Persistent(detectChanges = false)
public class LongBTree<V> implements NavigableMap<Long, V> {
    /** Entries per bucket unless given. */
    public static final int DEFAULT_BUCKET_CAPACITY = 120;
    /** Children per internal node unless given. */
    public static final int DEFAULT_NODE_CAPACITY = 500;
    private static final int SIZE_STRIPES = 8;
    /** Reads {@link #sizeStripes} without the read hook, for deep deactivation. */
    private static final VarHandle SIZE_STRIPES_FIELD;

    static {
        try {
            SIZE_STRIPES_FIELD = MethodHandles.lookup().findVarHandle(LongBTree.class, "sizeStripes", SizeStripe[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private int bucketCapacity;
    private int nodeCapacity;
    /** A {@link LongBucket} while the tree has one bucket, else a {@link LongTreeNode}. */
    private Object root;
    /** Parts of the entry count, created as used; their sum is the size. */
    private SizeStripe[] sizeStripes;
    /** Inserts and removals in this instance, for iterators to notice; not stored. */
    private transient int modCount;
    private transient LongRangeView<V> all;

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
        if (bucketCapacity < 2 || nodeCapacity < 3) {
            throw new IllegalArgumentException("a bucket holds at least 2 entries and a node at least 3 children, not "
                    + bucketCapacity + " and " + nodeCapacity);
        }
        this.bucketCapacity = bucketCapacity;
        this.nodeCapacity = nodeCapacity;
        this.root = new LongBucket(this, bucketCapacity);
        this.sizeStripes = new SizeStripe[SIZE_STRIPES];
    }

    public int bucketCapacity() {
        return bucketCapacity;
    }

    public int nodeCapacity() {
        return nodeCapacity;
    }

    // ---- lookups and changes on unboxed keys ------------------------------------------------------

    /** The value for {@code key}, or null. */
    public V get(long key) {
        LongBucket bucket = bucketFor(key);
        int index = bucket.search(key);
        return index < 0 ? null : value(bucket, index);
    }

    public boolean containsKey(long key) {
        return bucketFor(key).search(key) >= 0;
    }

    /** Maps {@code key} to {@code value}; returns the previous value, or null. */
    public V put(long key, V value) {
        if (value != null) { // fails fast, at the call, on a persistent class that missed enhancement
            Enhancement.requireEnhanced(value.getClass());
        }
        TreePath path = new TreePath();
        LongBucket bucket = path.descend(root, key);
        int index = bucket.search(key);
        if (index >= 0) {
            @SuppressWarnings("unchecked")
            V previous = (V) bucket.replaceValue(index, value);
            return previous;
        }
        int insertion = -index - 1;
        if (bucket.size() < bucketCapacity) {
            bucket.insert(insertion, key, value, bucketCapacity);
        } else {
            LongBucket right = bucket.splitInserting(insertion, key, value);
            addChild(path, path.depth() - 1, bucket, right.keyAt(0), right);
        }
        countChange(1);
        return null;
    }

    /** Removes {@code key}'s entry; returns its value, or null if there was none. */
    public V remove(long key) {
        TreePath path = new TreePath();
        LongBucket bucket = path.descend(root, key);
        int index = bucket.search(key);
        if (index < 0) {
            return null;
        }
        @SuppressWarnings("unchecked")
        V previous = (V) bucket.removeAt(index);
        if (bucket.size() == 0 && path.depth() > 0) {
            unlink(path, bucket);
        }
        countChange(-1);
        return previous;
    }

    /** The number of entries, as a long. O(1): the sum of the size stripes. */
    public long longSize() {
        long total = 0;
        for (SizeStripe stripe : sizeStripes) {
            if (stripe != null) {
                total += stripe.count();
            }
        }
        return total;
    }

    /**
     * Visits the root, then, as the visitor asks, the internal nodes and buckets below it, depth
     * first in key order, loading each part only when it is visited.
     */
    public void visit(LongTreeVisitor visitor) {
        TreeWalk.walk(root, visitor);
    }

    /**
     * The size stripes of {@code tree} if it is loaded (or new), else none; loads nothing and
     * reports no use (a VarHandle read bypasses the enhanced read hook).
     */
    static SizeStripe[] sizeStripesIfLoaded(LongBTree<?> tree) {
        SizeStripe[] stripes = (SizeStripe[]) SIZE_STRIPES_FIELD.get(tree);
        return stripes == null ? new SizeStripe[0] : stripes.clone();
    }

    // ---- structure ------------------------------------------------------------------------------

    /** Adds {@code right}, split off {@code left}, to the parent at {@code level} (or a new root). */
    private void addChild(TreePath path, int level, Object left, long separator, Object right) {
        while (level >= 0) {
            LongTreeNode parent = path.node(level);
            int index = path.index(level) + 1;
            if (parent.size() < nodeCapacity) {
                parent.insertChild(index, separator, right, nodeCapacity);
                return;
            }
            LongTreeNode.Split split = parent.splitInserting(index, separator, right);
            left = parent;
            separator = split.separator();
            right = split.right();
            level--;
        }
        root = new LongTreeNode(this, left, separator, right);
    }

    /** Takes the empty, non-root {@code bucket} out of the tree. */
    private void unlink(TreePath path, LongBucket bucket) {
        LongBucket previous = path.previousBucket();
        if (previous != null) {
            previous.setNext(bucket.next());
        }
        int level = path.depth() - 1;
        LongTreeNode parent = path.node(level);
        parent.removeChild(path.index(level));
        while (parent.size() == 0 && level > 0) { // a node whose last child left leaves too
            level--;
            parent = path.node(level);
            parent.removeChild(path.index(level));
        }
        while (root instanceof LongTreeNode && ((LongTreeNode) root).size() == 1) {
            root = ((LongTreeNode) root).childAt(0);
        }
    }

    private void countChange(int delta) {
        modCount++;
        SizeStripe[] stripes = sizeStripes;
        for (SizeStripe stripe : stripes) {
            if (stripe != null && changedInThisTransaction(stripe)) {
                stripe.add(delta);
                return;
            }
        }
        int index = ThreadLocalRandom.current().nextInt(stripes.length);
        if (stripes[index] == null) {
            stripes[index] = new SizeStripe();
            ((PersistentObject) (Object) this).markChanged(); // an array element written in place
        }
        stripes[index].add(delta);
    }

    private static boolean changedInThisTransaction(Object part) {
        ObjectState state = Persistence.state(part);
        return state == ObjectState.CHANGED || state == ObjectState.TRANSIENT;
    }

    private LongBucket bucketFor(long key) {
        Object part = root;
        while (part instanceof LongTreeNode) {
            LongTreeNode node = (LongTreeNode) part;
            part = node.childAt(node.childIndexFor(key));
        }
        return (LongBucket) part;
    }

    @SuppressWarnings("unchecked")
    private static <V> V value(LongBucket bucket, int index) {
        return (V) bucket.valueAt(index);
    }

    // ---- for the views and iterators ------------------------------------------------------------

    int modCount() {
        return modCount;
    }

    BucketSlot firstSlot() {
        LongBucket bucket = TreePath.firstBucketUnder(root);
        return bucket.size() == 0 ? null : new BucketSlot(bucket, 0);
    }

    BucketSlot lastSlot() {
        LongBucket bucket = TreePath.lastBucketUnder(root);
        return bucket.size() == 0 ? null : new BucketSlot(bucket, bucket.size() - 1);
    }

    /** The first entry {@code >= key} ({@code > key} unless inclusive), or null. */
    BucketSlot ceilingSlot(long key, boolean inclusive) {
        LongBucket bucket = bucketFor(key);
        int index = bucket.ceilingIndex(key, inclusive);
        if (index < bucket.size()) {
            return new BucketSlot(bucket, index);
        }
        LongBucket next = bucket.next(); // every key beyond this bucket's range is in a later one
        return next == null ? null : new BucketSlot(next, 0);
    }

    /** The last entry {@code <= key} ({@code < key} unless inclusive), or null. */
    BucketSlot floorSlot(long key, boolean inclusive) {
        TreePath path = new TreePath();
        LongBucket bucket = path.descend(root, key);
        int index = bucket.floorIndex(key, inclusive);
        if (index >= 0) {
            return new BucketSlot(bucket, index);
        }
        LongBucket previous = path.previousBucket();
        return previous == null ? null : new BucketSlot(previous, previous.size() - 1);
    }

    void clearAll() {
        root = new LongBucket(this, bucketCapacity);
        // New stripes: the old ones and buckets become garbage, unwritten.
        sizeStripes = new SizeStripe[SIZE_STRIPES];
        modCount++;
    }

    Object rootPart() {
        return root;
    }

    static long keyOf(Object key) {
        return (Long) Objects.requireNonNull(key, "null key");
    }

    /** The whole tree as a view, in ascending order. */
    LongRangeView<V> all() {
        LongRangeView<V> view = all;
        if (view == null) {
            view = new LongRangeView<>(this, KeyRange.ALL, false);
            all = view;
        }
        return view;
    }

    // ---- java.util.NavigableMap -----------------------------------------------------------------

    /** The number of entries, or {@link Integer#MAX_VALUE} if more; see {@link #longSize()}. */
    @Override
    public int size() {
        return (int) Math.min(longSize(), Integer.MAX_VALUE);
    }

    @Override
    public boolean isEmpty() {
        return root instanceof LongBucket && ((LongBucket) root).size() == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return containsKey(keyOf(key));
    }

    @Override
    public boolean containsValue(Object value) {
        return all().containsValue(value);
    }

    @Override
    public V get(Object key) {
        return get(keyOf(key));
    }

    @Override
    public V put(Long key, V value) {
        return put(keyOf(key), value);
    }

    @Override
    public V remove(Object key) {
        return remove(keyOf(key));
    }

    @Override
    public void putAll(Map<? extends Long, ? extends V> entries) {
        entries.forEach(this::put);
    }

    @Override
    public void clear() {
        clearAll();
    }

    @Override
    public Set<Long> keySet() {
        return all().navigableKeySet();
    }

    @Override
    public Collection<V> values() {
        return all().values();
    }

    @Override
    public Set<Entry<Long, V>> entrySet() {
        return all().entrySet();
    }

    @Override
    public Comparator<? super Long> comparator() {
        return null;
    }

    @Override
    public Long firstKey() {
        return all().firstKey();
    }

    @Override
    public Long lastKey() {
        return all().lastKey();
    }

    @Override
    public Entry<Long, V> firstEntry() {
        return all().firstEntry();
    }

    @Override
    public Entry<Long, V> lastEntry() {
        return all().lastEntry();
    }

    @Override
    public Entry<Long, V> pollFirstEntry() {
        return all().pollFirstEntry();
    }

    @Override
    public Entry<Long, V> pollLastEntry() {
        return all().pollLastEntry();
    }

    @Override
    public Entry<Long, V> lowerEntry(Long key) {
        return all().lowerEntry(key);
    }

    @Override
    public Long lowerKey(Long key) {
        return all().lowerKey(key);
    }

    @Override
    public Entry<Long, V> floorEntry(Long key) {
        return all().floorEntry(key);
    }

    @Override
    public Long floorKey(Long key) {
        return all().floorKey(key);
    }

    @Override
    public Entry<Long, V> ceilingEntry(Long key) {
        return all().ceilingEntry(key);
    }

    @Override
    public Long ceilingKey(Long key) {
        return all().ceilingKey(key);
    }

    @Override
    public Entry<Long, V> higherEntry(Long key) {
        return all().higherEntry(key);
    }

    @Override
    public Long higherKey(Long key) {
        return all().higherKey(key);
    }

    @Override
    public NavigableMap<Long, V> descendingMap() {
        return all().descendingMap();
    }

    @Override
    public NavigableSet<Long> navigableKeySet() {
        return all().navigableKeySet();
    }

    @Override
    public NavigableSet<Long> descendingKeySet() {
        return all().descendingKeySet();
    }

    @Override
    public NavigableMap<Long, V> subMap(Long fromKey, boolean fromInclusive, Long toKey, boolean toInclusive) {
        return all().subMap(fromKey, fromInclusive, toKey, toInclusive);
    }

    @Override
    public NavigableMap<Long, V> headMap(Long toKey, boolean inclusive) {
        return all().headMap(toKey, inclusive);
    }

    @Override
    public NavigableMap<Long, V> tailMap(Long fromKey, boolean inclusive) {
        return all().tailMap(fromKey, inclusive);
    }

    @Override
    public SortedMap<Long, V> subMap(Long fromKey, Long toKey) {
        return all().subMap(fromKey, toKey);
    }

    @Override
    public SortedMap<Long, V> headMap(Long toKey) {
        return all().headMap(toKey);
    }

    @Override
    public SortedMap<Long, V> tailMap(Long fromKey) {
        return all().tailMap(fromKey);
    }

    /** Equal to any {@link Map} with the same entries, as {@link java.util.AbstractMap#equals}. */
    @Override
    public boolean equals(Object other) {
        return other == this || all().equals(other);
    }

    @Override
    public int hashCode() {
        return all().hashCode();
    }

    @Override
    public String toString() {
        return all().toString();
    }
}
