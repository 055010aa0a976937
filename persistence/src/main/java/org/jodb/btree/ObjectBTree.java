package org.jodb.btree;

import java.util.Comparator;
import java.util.Objects;
import org.jodb.Persistent;

/**
 * A persistent sorted map from any keys to values: a {@link BTree} whose buckets and nodes keep
 * the keys in {@code Object[]} arrays, ordered by a {@link Comparator} given at creation or by the
 * keys' natural order ({@link Comparable}). Keys are stored like values, inside the bucket's
 * record: strings, numbers, records, enums; a persistent object as a key is stored by reference,
 * but its order must then not depend on fields that change. See {@link BTree} for how the tree is
 * stored, commits, merges concurrent changes (object buckets merge changes of different keys as
 * {@code long} buckets do) and frees memory.
 *
 * <p><b>The comparator is stored</b> with the tree, and a copy with each bucket and node (so that
 * a bucket merge can order keys without reading the tree): it must be storable, and it must order
 * keys the same way whenever the tree is loaded. Use an enum constant, a record, or a plain
 * top-level or static nested class; {@link String#CASE_INSENSITIVE_ORDER} and
 * {@link Comparator#reverseOrder()} work too. A lambda, a method reference, an anonymous, local or
 * proxy class has no stable name and is refused at creation with {@link IllegalArgumentException};
 * a storable comparator that holds an unstorable one (e.g. {@code Comparator.comparing(...)}) is
 * refused by the commit, whose exception names the class.
 *
 * <p><b>Capacities.</b> By default {@value #DEFAULT_BUCKET_CAPACITY} entries per bucket and
 * {@value #DEFAULT_NODE_CAPACITY} children per node (ZODB's figures for object keys, confirmed by
 * measuring rather than copied). {@code ObjectBTreeCapacityProbe} measured 200,000 random
 * 25-character {@code String} keys, inserted in commits of 1,000, in thread CPU time: buckets of
 * 30 wrote 716 bytes of records per insert against 1,070 for 60 and 1,641 for 120 (each insert
 * rewrites its bucket's record), and were the cheapest or near it to insert into (7.8 to 11 us
 * against 14 to 19 us for 120) and to load (4.8 us per lookup whose bucket was a ghost, against
 * 7.2 and 7.6 for 60 and 120); a lookup in a loaded tree cost the same for 15 to 120 (0.8 to 1.2
 * us), and only a scan favoured large buckets (23 ns an entry for 120, 42 for 30). Buckets of 15
 * wrote fewer bytes (579) but split twice as often, and each split rewrites a node of up to 250
 * keys. Larger keys favour smaller buckets still: a bucket's record holds its keys.
 *
 * <p><b>Keys.</b> Null keys throw {@link NullPointerException}, even when the comparator would
 * order null ({@code TreeMap} allows them then): one rule for every tree, and inside the tree null
 * means "no key", the open end of a view's range or of a part's ({@link TreePart#lowerBound()}). A key the tree cannot order (not {@link Comparable}
 * under natural order, or one the comparator rejects) throws {@link ClassCastException} and leaves
 * the tree unchanged, the first insert into an empty tree included (it compares the key with
 * itself, as {@code TreeMap} does).
 *
 * <p>Not thread-safe: like every persistent object, a tree is used by its connection's thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@Persistent(detectChanges = false)
public class ObjectBTree<K, V> extends BTree<K, V> {
    /** Entries per bucket unless given; see the class documentation. */
    public static final int DEFAULT_BUCKET_CAPACITY = 30;
    /** Children per internal node unless given. */
    public static final int DEFAULT_NODE_CAPACITY = 250;

    /** The key order; null for natural order. */
    private Comparator<? super K> comparator;

    /** An empty tree in the keys' natural order, with the default capacities. */
    public ObjectBTree() {
        this(null, DEFAULT_BUCKET_CAPACITY, DEFAULT_NODE_CAPACITY);
    }

    /**
     * An empty tree ordered by {@code comparator} (null: natural order), with the default capacities.
     *
     * @throws IllegalArgumentException if the comparator cannot be stored (see the class documentation)
     */
    public ObjectBTree(Comparator<? super K> comparator) {
        this(comparator, DEFAULT_BUCKET_CAPACITY, DEFAULT_NODE_CAPACITY);
    }

    /**
     * An empty tree ordered by {@code comparator} (null: natural order) whose buckets hold up to
     * {@code bucketCapacity} entries and whose internal nodes hold up to {@code nodeCapacity} children.
     *
     * @throws IllegalArgumentException if {@code bucketCapacity < 2} or {@code nodeCapacity < 3},
     *                                  or if the comparator cannot be stored
     */
    public ObjectBTree(Comparator<? super K> comparator, int bucketCapacity, int nodeCapacity) {
        super(bucketCapacity, nodeCapacity);
        this.comparator = KeyOrder.storable(comparator);
        plantRoot();
    }

    @SuppressWarnings("unchecked")
    private Comparator<Object> order() {
        return (Comparator<Object>) comparator;
    }

    @Override
    Bucket newBucket() {
        return new ObjectBucket(this, order(), bucketCapacity());
    }

    @Override
    TreeNode newRoot(Object left, Object separator, Object right) {
        return new ObjectTreeNode(this, order(), left, separator, right);
    }

    @Override
    Object checkedKey(Object key) {
        Objects.requireNonNull(key, "null key");
        if (comparator == null && !(key instanceof Comparable)) {
            throw new ClassCastException("key " + key.getClass().getName()
                    + " is not Comparable, and the tree has no comparator");
        }
        return key;
    }

    @Override
    Object insertableKey(Object key) {
        Object checked = checkedKey(key);
        if (isEmpty()) {
            compare(checked, checked); // as TreeMap: no other key to compare with catches a foreign type
        }
        return checked;
    }

    @Override
    int compare(Object a, Object b) {
        return KeyOrder.compare(order(), a, b);
    }

    /** The comparator given at creation, or null for natural order. */
    @Override
    public Comparator<? super K> comparator() {
        return comparator;
    }
}
