package org.jodb.btree;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jodb.Persistence;
import org.jodb.Persistent;
import org.jodb.cache.ObjectState;
import org.jodb.cache.PersistentObject;
import org.jodb.enhance.Enhancement;

/**
 * A persistent sorted map as a B+tree whose parts are separate persistent objects: the tree
 * object, its internal nodes ({@code TreeNode}) and its buckets ({@code Bucket}: keys, values in
 * an {@code Object[]}, a link to the next bucket), each its own record and a ghost until touched.
 * The two kinds of tree differ only in their keys: {@link LongBTree} keeps {@code long} keys
 * unboxed in {@code long[]} arrays, {@link ObjectBTree} keeps any keys in {@code Object[]} arrays
 * in the order of a {@link Comparator} or their natural order. This class holds everything else,
 * once: lookups, splits, removals, size, views, iterators, merges, walking and deep deactivation.
 *
 * <p>A lookup loads the nodes and the one bucket on its path. A change writes the bucket it
 * changes (an insert or removal also one small size stripe, see below); only a bucket that splits
 * or empties writes its parent too (and a node that splits, its own parent), so a commit writes a
 * few small records whatever the tree's size. Values are stored like fields: persistent objects
 * by reference, anything else inside the bucket's record. A value changed in place (a plain list,
 * say) is not seen: put it again, or store persistent objects.
 *
 * <p><b>Concurrent changes.</b> Two transactions changing different keys of one bucket both
 * commit: the later one merges the bucket key by key (see {@code Bucket.mergeConflict} for
 * what still conflicts: the same key changed on both sides, a bucket emptied, split or overfilled
 * by the merge). A split or an emptied bucket writes the parent node, which does not merge.
 *
 * <p><b>Capacities.</b> Buckets hold up to {@code bucketCapacity} entries and nodes up to
 * {@code nodeCapacity} children, fixed at creation (each kind of tree has its defaults). A full
 * bucket splits in two halves, except the tree's last bucket when an entry is appended after its
 * last key: then its older entries move to a new bucket on its left and it keeps its newest eighth
 * ({@link Bucket#splitAppending}), so ascending inserts leave buckets seven eighths full and
 * concurrent appenders merge. A merge may overfill a bucket by an eighth
 * ({@link Bucket#mergeOverfill}); the next insert splits it. A full node splits in two halves,
 * except when the child goes after its last one: then the new node starts with that child alone.
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
 * <p>Keys are never null ({@link NullPointerException}, as {@code TreeMap}); a key the tree cannot
 * order throws {@link ClassCastException} and changes nothing. The views ({@link #subMap},
 * {@link #descendingMap}, {@link #keySet}, {@link #entrySet}, ...) read and write through to the
 * tree, and their iterators' {@code remove} and entries' {@code setValue} work; entries returned
 * by navigation methods ({@link #firstEntry}, ...) are snapshots. Iterators fail fast with
 * {@code ConcurrentModificationException} on inserts and removals not made through them. A tree of
 * a closed connection throws {@link IllegalStateException} when used.
 *
 * <p><b>Freeing memory.</b> {@link Persistence#deactivateDeep} turns the tree and everything the
 * connection has loaded of it (persistent values, buckets, nodes, at any depth) back into ghosts
 * without loading anything; for that every bucket and node stores a reference to its tree (a few
 * bytes per record), see {@link TreeDeactivation}.
 *
 * <p>Not thread-safe: like every persistent object, a tree is used by its connection's thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@Persistent(detectChanges = false)
public abstract class BTree<K, V> implements NavigableMap<K, V> {
    // Package-private constructor and abstract methods: only LongBTree and ObjectBTree extend it.
    private static final int SIZE_STRIPES = 8;
    /** Reads {@link #sizeStripes} without the read hook, for deep deactivation. */
    private static final VarHandle SIZE_STRIPES_FIELD;

    static {
        try {
            SIZE_STRIPES_FIELD = MethodHandles.lookup().findVarHandle(BTree.class, "sizeStripes", SizeStripe[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private int bucketCapacity;
    private int nodeCapacity;
    /** A {@link Bucket} while the tree has one bucket, else a {@link TreeNode}. */
    private Object root;
    /** Parts of the entry count, created as used; their sum is the size. */
    private SizeStripe[] sizeStripes;
    /** Inserts and removals in this instance, for iterators to notice; not stored. */
    private transient int modCount;
    private transient RangeView<K, V> all;

    /**
     * A tree without a root yet: the subclass's constructor, once its own fields are set, calls
     * {@link #plantRoot()}.
     *
     * @throws IllegalArgumentException if {@code bucketCapacity < 2} or {@code nodeCapacity < 3}
     */
    BTree(int bucketCapacity, int nodeCapacity) {
        if (bucketCapacity < 2 || nodeCapacity < 3) {
            throw new IllegalArgumentException("a bucket holds at least 2 entries and a node at least 3 children, not "
                    + bucketCapacity + " and " + nodeCapacity);
        }
        this.bucketCapacity = bucketCapacity;
        this.nodeCapacity = nodeCapacity;
        this.sizeStripes = new SizeStripe[SIZE_STRIPES];
    }

    /** The most entries a bucket holds. */
    public int bucketCapacity() {
        return bucketCapacity;
    }

    /** The most children an internal node holds. */
    public int nodeCapacity() {
        return nodeCapacity;
    }

    // ---- what the kind of tree decides: its keys --------------------------------------------------

    /** A new, empty bucket of this tree. */
    abstract Bucket newBucket();

    /** A new root node above a split: {@code left}, then {@code right} from {@code separator} up. */
    abstract TreeNode newRoot(Object left, Object separator, Object right);

    /**
     * {@code key} if this tree can hold it (as its stored form: a {@link Long} for a
     * {@link LongBTree}); else {@link NullPointerException} for null, {@link ClassCastException}
     * for a key of another type.
     */
    abstract Object checkedKey(Object key);

    /** {@link #checkedKey}, and for an insert also a key that cannot be ordered even with itself. */
    Object insertableKey(Object key) {
        return checkedKey(key);
    }

    /** Compares two keys of this tree in its order. */
    abstract int compare(Object a, Object b);

    // ---- lookups and changes --------------------------------------------------------------------

    @Override
    public V get(Object key) {
        Object k = checkedKey(key);
        Bucket bucket = bucketFor(k);
        int index = bucket.search(k);
        return index < 0 ? null : value(bucket, index);
    }

    @Override
    public boolean containsKey(Object key) {
        Object k = checkedKey(key);
        return bucketFor(k).search(k) >= 0;
    }

    /** Maps {@code key} to {@code value}; returns the previous value, or null. */
    @Override
    public V put(K key, V value) {
        return putKey(insertableKey(key), value);
    }

    /** Removes {@code key}'s entry; returns its value, or null if there was none. */
    @Override
    public V remove(Object key) {
        return removeKey(checkedKey(key));
    }

    /** {@link #put} of a key that {@link #insertableKey} accepted. */
    final V putKey(Object key, V value) {
        if (value != null) { // fails fast, at the call, on a persistent class that missed enhancement
            Enhancement.requireEnhanced(value.getClass());
        }
        TreePath path = new TreePath();
        Bucket bucket = path.descend(root, key);
        int index = bucket.search(key);
        if (index >= 0) {
            @SuppressWarnings("unchecked")
            V previous = (V) bucket.replaceValue(index, value);
            return previous;
        }
        int insertion = -index - 1;
        if (bucket.size() < bucketCapacity) {
            bucket.insert(insertion, key, value, bucketCapacity);
        } else if (insertion == bucket.size() && bucket.next() == null) {
            appendSplitting(path, bucket, key, value);
        } else {
            Bucket right = bucket.splitInserting(insertion, key, value);
            addChild(path, path.depth() - 1, bucket, right.keyAt(0), right);
        }
        countChange(1);
        return null;
    }

    /** {@link #remove} of a key that {@link #checkedKey} accepted. */
    final V removeKey(Object key) {
        TreePath path = new TreePath();
        Bucket bucket = path.descend(root, key);
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
    public void visit(TreeVisitor visitor) {
        TreeWalk.walk(root, visitor);
    }

    /**
     * The size stripes of {@code tree} if it is loaded (or new), else none; loads nothing and
     * reports no use (a VarHandle read bypasses the enhanced read hook).
     */
    static SizeStripe[] sizeStripesIfLoaded(BTree<?, ?> tree) {
        SizeStripe[] stripes = (SizeStripe[]) SIZE_STRIPES_FIELD.get(tree);
        return stripes == null ? new SizeStripe[0] : stripes.clone();
    }

    // ---- structure ------------------------------------------------------------------------------

    /** Sets the root to a new empty bucket: at creation and by {@link #clear}. */
    final void plantRoot() {
        root = newBucket();
    }

    /** Adds {@code right}, split off {@code left}, to the parent at {@code level} (or a new root). */
    private void addChild(TreePath path, int level, Object left, Object separator, Object right) {
        while (level >= 0) {
            TreeNode parent = path.node(level);
            int index = path.index(level) + 1;
            if (parent.size() < nodeCapacity) {
                parent.insertChild(index, separator, right, nodeCapacity);
                return;
            }
            TreeNode.Split split = parent.splitInserting(index, separator, right);
            left = parent;
            separator = split.separator();
            right = split.right();
            level--;
        }
        root = newRoot(left, separator, right);
    }

    /**
     * Appends after the tree's last key into its full last bucket: the bucket's older entries move
     * to a new bucket ({@link Bucket#splitAppending}) that takes the bucket's place in the parent
     * and after the previous bucket, and the bucket, keeping the newest entries, is added after
     * it. Appenders in flight, which all write the last bucket, then merge with the split.
     */
    private void appendSplitting(TreePath path, Bucket bucket, Object key, Object value) {
        Bucket left = bucket.splitAppending(key, value);
        Bucket previous = path.previousBucket();
        if (previous != null) {
            previous.setNext(left);
        }
        int level = path.depth() - 1;
        if (level >= 0) {
            path.node(level).replaceChild(path.index(level), left);
        }
        addChild(path, level, left, bucket.keyAt(0), bucket);
    }

    /** Takes the empty, non-root {@code bucket} out of the tree. */
    private void unlink(TreePath path, Bucket bucket) {
        Bucket previous = path.previousBucket();
        if (previous != null) {
            previous.setNext(bucket.next());
        }
        int level = path.depth() - 1;
        TreeNode parent = path.node(level);
        parent.removeChild(path.index(level));
        while (parent.size() == 0 && level > 0) { // a node whose last child left leaves too
            level--;
            parent = path.node(level);
            parent.removeChild(path.index(level));
        }
        while (root instanceof TreeNode && ((TreeNode) root).size() == 1) {
            root = ((TreeNode) root).childAt(0);
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

    private Bucket bucketFor(Object key) {
        Object part = root;
        while (part instanceof TreeNode) {
            TreeNode node = (TreeNode) part;
            part = node.childAt(node.childIndexFor(key));
        }
        return (Bucket) part;
    }

    @SuppressWarnings("unchecked")
    static <V> V value(Bucket bucket, int index) {
        return (V) bucket.valueAt(index);
    }

    // ---- for the views and iterators ------------------------------------------------------------

    int modCount() {
        return modCount;
    }

    BucketSlot firstSlot() {
        Bucket bucket = TreePath.firstBucketUnder(root);
        return bucket.size() == 0 ? null : new BucketSlot(bucket, 0);
    }

    BucketSlot lastSlot() {
        Bucket bucket = TreePath.lastBucketUnder(root);
        return bucket.size() == 0 ? null : new BucketSlot(bucket, bucket.size() - 1);
    }

    /** The first entry {@code >= key} ({@code > key} unless inclusive), or null. */
    BucketSlot ceilingSlot(Object key, boolean inclusive) {
        Bucket bucket = bucketFor(key);
        int index = bucket.ceilingIndex(key, inclusive);
        if (index < bucket.size()) {
            return new BucketSlot(bucket, index);
        }
        Bucket next = bucket.next(); // every key beyond this bucket's range is in a later one
        return next == null ? null : new BucketSlot(next, 0);
    }

    /** The last entry {@code <= key} ({@code < key} unless inclusive), or null. */
    BucketSlot floorSlot(Object key, boolean inclusive) {
        TreePath path = new TreePath();
        Bucket bucket = path.descend(root, key);
        int index = bucket.floorIndex(key, inclusive);
        if (index >= 0) {
            return new BucketSlot(bucket, index);
        }
        Bucket previous = path.previousBucket();
        return previous == null ? null : new BucketSlot(previous, previous.size() - 1);
    }

    final Object rootPart() {
        return root;
    }

    /** The whole tree as a view, in ascending order. */
    RangeView<K, V> all() {
        RangeView<K, V> view = all;
        if (view == null) {
            view = new RangeView<>(this, KeyRange.all(this), false);
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
        return root instanceof Bucket && ((Bucket) root).size() == 0;
    }

    @Override
    public boolean containsValue(Object value) {
        return all().containsValue(value);
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> entries) {
        entries.forEach(this::put);
    }

    @Override
    public void clear() {
        plantRoot();
        // New stripes: the old ones and buckets become garbage, unwritten.
        sizeStripes = new SizeStripe[SIZE_STRIPES];
        modCount++;
    }

    @Override
    public Set<K> keySet() {
        return all().navigableKeySet();
    }

    @Override
    public Collection<V> values() {
        return all().values();
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return all().entrySet();
    }

    @Override
    public K firstKey() {
        return all().firstKey();
    }

    @Override
    public K lastKey() {
        return all().lastKey();
    }

    @Override
    public Entry<K, V> firstEntry() {
        return all().firstEntry();
    }

    @Override
    public Entry<K, V> lastEntry() {
        return all().lastEntry();
    }

    @Override
    public Entry<K, V> pollFirstEntry() {
        return all().pollFirstEntry();
    }

    @Override
    public Entry<K, V> pollLastEntry() {
        return all().pollLastEntry();
    }

    @Override
    public Entry<K, V> lowerEntry(K key) {
        return all().lowerEntry(key);
    }

    @Override
    public K lowerKey(K key) {
        return all().lowerKey(key);
    }

    @Override
    public Entry<K, V> floorEntry(K key) {
        return all().floorEntry(key);
    }

    @Override
    public K floorKey(K key) {
        return all().floorKey(key);
    }

    @Override
    public Entry<K, V> ceilingEntry(K key) {
        return all().ceilingEntry(key);
    }

    @Override
    public K ceilingKey(K key) {
        return all().ceilingKey(key);
    }

    @Override
    public Entry<K, V> higherEntry(K key) {
        return all().higherEntry(key);
    }

    @Override
    public K higherKey(K key) {
        return all().higherKey(key);
    }

    @Override
    public NavigableMap<K, V> descendingMap() {
        return all().descendingMap();
    }

    @Override
    public NavigableSet<K> navigableKeySet() {
        return all().navigableKeySet();
    }

    @Override
    public NavigableSet<K> descendingKeySet() {
        return all().descendingKeySet();
    }

    @Override
    public NavigableMap<K, V> subMap(K fromKey, boolean fromInclusive, K toKey, boolean toInclusive) {
        return all().subMap(fromKey, fromInclusive, toKey, toInclusive);
    }

    @Override
    public NavigableMap<K, V> headMap(K toKey, boolean inclusive) {
        return all().headMap(toKey, inclusive);
    }

    @Override
    public NavigableMap<K, V> tailMap(K fromKey, boolean inclusive) {
        return all().tailMap(fromKey, inclusive);
    }

    @Override
    public SortedMap<K, V> subMap(K fromKey, K toKey) {
        return all().subMap(fromKey, toKey);
    }

    @Override
    public SortedMap<K, V> headMap(K toKey) {
        return all().headMap(toKey);
    }

    @Override
    public SortedMap<K, V> tailMap(K fromKey) {
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
