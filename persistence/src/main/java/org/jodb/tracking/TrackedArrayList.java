package org.jodb.tracking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.jodb.cache.PersistentObject;

/**
 * An {@code ArrayList} decoded from a record, which marks its owner CHANGED after every call that
 * changed its contents: the mutators, its iterators' {@code remove}/{@code set}/{@code add}, and
 * (from Java 21) {@code addFirst}, {@code removeLast}... and {@code reversed()}'s, which run through
 * these. A call that changed nothing ({@code remove} of an absent element, {@code set} of the same
 * element) marks nothing. {@link #subList} is not tracked: it asks the owner's connection to
 * compare the owner at commit instead. {@code clone()} and Java serialization give a plain
 * {@code ArrayList}. Not thread-safe, like {@code ArrayList}.
 *
 * @param <E> element type
 */
public final class TrackedArrayList<E> extends ArrayList<E> implements Tracked {
    private static final long serialVersionUID = 1L;

    private transient PersistentObject owner;
    private transient boolean untrackedViews;

    /** An empty list with room for {@code capacity} elements, tracking nothing until {@link #trackChangesOf}. */
    public TrackedArrayList(int capacity) {
        super(capacity);
    }

    @Override
    public void trackChangesOf(PersistentObject owner) {
        this.owner = owner;
    }

    @Override
    public boolean tracksEveryChangeOf(PersistentObject object) {
        return owner == object && !untrackedViews;
    }

    @Override
    public E set(int index, E element) {
        E previous = super.set(index, element);
        if (previous != element) {
            OwnerNotice.changed(owner);
        }
        return previous;
    }

    @Override
    public boolean add(E element) {
        super.add(element);
        OwnerNotice.changed(owner);
        return true;
    }

    @Override
    public void add(int index, E element) {
        super.add(index, element);
        OwnerNotice.changed(owner);
    }

    @Override
    public E remove(int index) {
        E removed = super.remove(index);
        OwnerNotice.changed(owner);
        return removed;
    }

    @Override
    public boolean remove(Object element) {
        return OwnerNotice.changedIf(owner, super.remove(element));
    }

    @Override
    public void clear() {
        if (!isEmpty()) {
            super.clear();
            OwnerNotice.changed(owner);
        }
    }

    @Override
    public boolean addAll(Collection<? extends E> elements) {
        return OwnerNotice.changedIf(owner, super.addAll(elements));
    }

    @Override
    public boolean addAll(int index, Collection<? extends E> elements) {
        return OwnerNotice.changedIf(owner, super.addAll(index, elements));
    }

    @Override
    protected void removeRange(int fromIndex, int toIndex) {
        super.removeRange(fromIndex, toIndex);
        if (fromIndex < toIndex) {
            OwnerNotice.changed(owner);
        }
    }

    @Override
    public boolean removeAll(Collection<?> elements) {
        return OwnerNotice.changedIf(owner, super.removeAll(elements));
    }

    @Override
    public boolean retainAll(Collection<?> elements) {
        return OwnerNotice.changedIf(owner, super.retainAll(elements));
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        return OwnerNotice.changedIf(owner, super.removeIf(filter));
    }

    @Override
    public void replaceAll(UnaryOperator<E> operator) {
        super.replaceAll(operator);
        if (!isEmpty()) {
            OwnerNotice.changed(owner);
        }
    }

    @Override
    public void sort(Comparator<? super E> comparator) {
        super.sort(comparator);
        if (size() > 1) {
            OwnerNotice.changed(owner);
        }
    }

    // Java 21's SequencedCollection methods (no @Override: the baseline is Java 17). ArrayList's
    // removeFirst/removeLast bypass remove(int), so all four are routed through the tracked methods.

    /** As {@code add(0, element)}. */
    public void addFirst(E element) {
        add(0, element);
    }

    /** As {@code add(element)}. */
    public void addLast(E element) {
        add(element);
    }

    /** Removes and returns the first element; {@link NoSuchElementException} if empty. */
    public E removeFirst() {
        if (isEmpty()) {
            throw new NoSuchElementException("the list is empty");
        }
        return remove(0);
    }

    /** Removes and returns the last element; {@link NoSuchElementException} if empty. */
    public E removeLast() {
        if (isEmpty()) {
            throw new NoSuchElementException("the list is empty");
        }
        return remove(size() - 1);
    }

    @Override
    public Iterator<E> iterator() {
        return new TrackedIterator<>(super.iterator(), owner, null);
    }

    @Override
    public ListIterator<E> listIterator() {
        return new TrackedListIterator<>(super.listIterator(), owner);
    }

    @Override
    public ListIterator<E> listIterator(int index) {
        return new TrackedListIterator<>(super.listIterator(index), owner);
    }

    /** The sub-list, untracked: from now on the owner is compared at commit until it is reloaded. */
    @Override
    public List<E> subList(int fromIndex, int toIndex) {
        List<E> view = super.subList(fromIndex, toIndex);
        untrackedViews = true;
        OwnerNotice.untrackedView(owner);
        return view;
    }

    /** A plain {@code ArrayList} with the same elements: a copy belongs to no record. */
    @Override
    public Object clone() {
        return new ArrayList<>(this);
    }

    /** Serialized as a plain {@code ArrayList}. */
    private Object writeReplace() {
        return new ArrayList<>(this);
    }
}
