package org.jodb.btree;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.SortedSet;
import org.jodb.Persistent;

/**
 * A persistent sorted set of {@code long}s: the keys of a {@link LongBTree} it owns, so it scales
 * and commits like one (buckets and nodes are their own records; a change writes a few small
 * ones; {@code size()} is O(1)). The set itself is one more small record, which changes never
 * write. {@link #subSet}, {@link #headSet}, {@link #tailSet} and {@link #descendingSet} are views
 * that write through; iterators' {@code remove} works. Null elements throw
 * {@link NullPointerException}, as in {@code TreeSet}.
 *
 * <p>Not thread-safe: like every persistent object, a set is used by its connection's thread.
 */
@Persistent(detectChanges = false)
public class LongTreeSet extends AbstractSet<Long> implements NavigableSet<Long> {
    /** Reads {@link #tree} without the read hook, for deep deactivation. */
    private static final VarHandle TREE;

    static {
        try {
            TREE = MethodHandles.lookup().findVarHandle(LongTreeSet.class, "tree", LongBTree.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private LongBTree<Boolean> tree;
    private transient NavigableSet<Long> keys;

    /** An empty set with the tree's default capacities. */
    public LongTreeSet() {
        this(new LongBTree<>());
    }

    /** An empty set whose tree has these capacities (see {@link LongBTree#LongBTree(int, int)}). */
    public LongTreeSet(int bucketCapacity, int nodeCapacity) {
        this(new LongBTree<>(bucketCapacity, nodeCapacity));
    }

    private LongTreeSet(LongBTree<Boolean> tree) {
        this.tree = tree;
    }

    /** The tree holding the elements as keys, e.g. to {@link LongBTree#visit} its parts. */
    public LongBTree<?> tree() {
        return tree;
    }

    /** The tree of {@code set} if it is loaded (or new), else null; loads nothing, reports no use. */
    static LongBTree<?> treeIfLoaded(LongTreeSet set) {
        return (LongBTree<?>) TREE.get(set);
    }

    public boolean add(long element) {
        return tree.put(element, Boolean.TRUE) == null;
    }

    public boolean contains(long element) {
        return tree.containsKey(element);
    }

    public boolean remove(long element) {
        return tree.remove(element) != null;
    }

    private NavigableSet<Long> keys() {
        NavigableSet<Long> view = keys;
        if (view == null) {
            view = new LongKeySet(tree.all(), Boolean.TRUE);
            keys = view;
        }
        return view;
    }

    @Override
    public boolean add(Long element) {
        return add(LongBTree.keyOf(element));
    }

    @Override
    public boolean contains(Object element) {
        return contains(LongBTree.keyOf(element));
    }

    @Override
    public boolean remove(Object element) {
        return remove(LongBTree.keyOf(element));
    }

    @Override
    public int size() {
        return tree.size();
    }

    @Override
    public boolean isEmpty() {
        return tree.isEmpty();
    }

    @Override
    public void clear() {
        tree.clear();
    }

    @Override
    public Iterator<Long> iterator() {
        return keys().iterator();
    }

    @Override
    public Iterator<Long> descendingIterator() {
        return keys().descendingIterator();
    }

    @Override
    public Comparator<? super Long> comparator() {
        return null;
    }

    @Override
    public Long first() {
        return keys().first();
    }

    @Override
    public Long last() {
        return keys().last();
    }

    @Override
    public Long lower(Long element) {
        return keys().lower(element);
    }

    @Override
    public Long floor(Long element) {
        return keys().floor(element);
    }

    @Override
    public Long ceiling(Long element) {
        return keys().ceiling(element);
    }

    @Override
    public Long higher(Long element) {
        return keys().higher(element);
    }

    @Override
    public Long pollFirst() {
        return keys().pollFirst();
    }

    @Override
    public Long pollLast() {
        return keys().pollLast();
    }

    @Override
    public NavigableSet<Long> descendingSet() {
        return keys().descendingSet();
    }

    @Override
    public NavigableSet<Long> subSet(Long fromElement, boolean fromInclusive, Long toElement, boolean toInclusive) {
        return keys().subSet(fromElement, fromInclusive, toElement, toInclusive);
    }

    @Override
    public NavigableSet<Long> headSet(Long toElement, boolean inclusive) {
        return keys().headSet(toElement, inclusive);
    }

    @Override
    public NavigableSet<Long> tailSet(Long fromElement, boolean inclusive) {
        return keys().tailSet(fromElement, inclusive);
    }

    @Override
    public SortedSet<Long> subSet(Long fromElement, Long toElement) {
        return keys().subSet(fromElement, toElement);
    }

    @Override
    public SortedSet<Long> headSet(Long toElement) {
        return keys().headSet(toElement);
    }

    @Override
    public SortedSet<Long> tailSet(Long fromElement) {
        return keys().tailSet(fromElement);
    }
}
