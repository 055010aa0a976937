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
 * A persistent sorted set: the keys of a {@link BTree} it owns, so it scales and commits like one
 * (buckets and nodes are their own records; a change writes a few small ones; {@code size()} is
 * O(1)). The set itself is one more small record, which changes never write. {@link #subSet},
 * {@link #headSet}, {@link #tailSet} and {@link #descendingSet} are views that write through;
 * iterators' {@code remove} works. Null elements throw {@link NullPointerException}, as in
 * {@code TreeSet}. {@link LongTreeSet} holds {@code long}s, {@link ObjectTreeSet} any elements.
 *
 * <p>Not thread-safe: like every persistent object, a set is used by its connection's thread.
 *
 * @param <E> the element type
 */
@Persistent(detectChanges = false)
public abstract class BTreeSet<E> extends AbstractSet<E> implements NavigableSet<E> {
    /** Reads {@link #tree} without the read hook, for deep deactivation. */
    private static final VarHandle TREE;

    static {
        try {
            TREE = MethodHandles.lookup().findVarHandle(BTreeSet.class, "tree", BTree.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private BTree<E, Boolean> tree;
    private transient NavigableSet<E> keys;

    BTreeSet(BTree<E, Boolean> tree) {
        this.tree = tree;
    }

    /** The tree holding the elements as keys, e.g. to {@link BTree#visit} its parts. */
    public BTree<E, ?> tree() {
        return tree;
    }

    /** The tree of {@code set} if it is loaded (or new), else null; loads nothing, reports no use. */
    static BTree<?, ?> treeIfLoaded(BTreeSet<?> set) {
        return (BTree<?, ?>) TREE.get(set);
    }

    private NavigableSet<E> keys() {
        NavigableSet<E> view = keys;
        if (view == null) {
            view = new KeySet<>(tree.all(), Boolean.TRUE);
            keys = view;
        }
        return view;
    }

    @Override
    public boolean add(E element) {
        return tree.put(element, Boolean.TRUE) == null;
    }

    @Override
    public boolean contains(Object element) {
        return tree.containsKey(element);
    }

    @Override
    public boolean remove(Object element) {
        return tree.remove(element) != null;
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
    public Iterator<E> iterator() {
        return keys().iterator();
    }

    @Override
    public Iterator<E> descendingIterator() {
        return keys().descendingIterator();
    }

    @Override
    public Comparator<? super E> comparator() {
        return tree.comparator();
    }

    @Override
    public E first() {
        return keys().first();
    }

    @Override
    public E last() {
        return keys().last();
    }

    @Override
    public E lower(E element) {
        return keys().lower(element);
    }

    @Override
    public E floor(E element) {
        return keys().floor(element);
    }

    @Override
    public E ceiling(E element) {
        return keys().ceiling(element);
    }

    @Override
    public E higher(E element) {
        return keys().higher(element);
    }

    @Override
    public E pollFirst() {
        return keys().pollFirst();
    }

    @Override
    public E pollLast() {
        return keys().pollLast();
    }

    @Override
    public NavigableSet<E> descendingSet() {
        return keys().descendingSet();
    }

    @Override
    public NavigableSet<E> subSet(E fromElement, boolean fromInclusive, E toElement, boolean toInclusive) {
        return keys().subSet(fromElement, fromInclusive, toElement, toInclusive);
    }

    @Override
    public NavigableSet<E> headSet(E toElement, boolean inclusive) {
        return keys().headSet(toElement, inclusive);
    }

    @Override
    public NavigableSet<E> tailSet(E fromElement, boolean inclusive) {
        return keys().tailSet(fromElement, inclusive);
    }

    @Override
    public SortedSet<E> subSet(E fromElement, E toElement) {
        return keys().subSet(fromElement, toElement);
    }

    @Override
    public SortedSet<E> headSet(E toElement) {
        return keys().headSet(toElement);
    }

    @Override
    public SortedSet<E> tailSet(E fromElement) {
        return keys().tailSet(fromElement);
    }
}
