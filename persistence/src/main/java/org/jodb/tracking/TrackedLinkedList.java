package org.jodb.tracking;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.ListIterator;
import org.jodb.cache.PersistentObject;

/**
 * A {@code LinkedList} decoded from a record, which marks its owner CHANGED after every call that
 * changed its contents: the list and deque mutators (each overridden, since {@code LinkedList}'s
 * own methods unlink nodes directly rather than through one another), its list and descending
 * iterators' {@code remove}/{@code set}/{@code add}. The rest reaches the list through these:
 * {@code removeIf}, {@code removeAll}, {@code retainAll}, {@code replaceAll} and {@code sort} run
 * through its iterators, a sub-list and (from Java 21) {@code reversed()} through its public
 * methods. A call that changed nothing ({@code remove} of an absent element, {@code poll} of an
 * empty list) marks nothing. {@code clone()} and Java serialization give a plain
 * {@code LinkedList}. Not thread-safe, like {@code LinkedList}.
 *
 * @param <E> element type
 */
public final class TrackedLinkedList<E> extends LinkedList<E> implements Tracked {
    private static final long serialVersionUID = 1L;

    private transient PersistentObject owner;

    /** An empty list, tracking nothing until {@link #trackChangesOf}. */
    public TrackedLinkedList() {
    }

    @Override
    public void trackChangesOf(PersistentObject owner) {
        this.owner = owner;
    }

    @Override
    public boolean tracksEveryChangeOf(PersistentObject object) {
        return owner == object;
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
    public boolean addAll(Collection<? extends E> elements) {
        return OwnerNotice.changedIf(owner, super.addAll(elements));
    }

    @Override
    public boolean addAll(int index, Collection<? extends E> elements) {
        return OwnerNotice.changedIf(owner, super.addAll(index, elements));
    }

    @Override
    public void addFirst(E element) {
        super.addFirst(element);
        OwnerNotice.changed(owner);
    }

    @Override
    public void addLast(E element) {
        super.addLast(element);
        OwnerNotice.changed(owner);
    }

    @Override
    public boolean offer(E element) {
        return add(element);
    }

    @Override
    public boolean offerFirst(E element) {
        addFirst(element);
        return true;
    }

    @Override
    public boolean offerLast(E element) {
        addLast(element);
        return true;
    }

    @Override
    public void push(E element) {
        addFirst(element);
    }

    @Override
    public E set(int index, E element) {
        E previous = super.set(index, element);
        OwnerNotice.changedIf(owner, previous != element);
        return previous;
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
    public E remove() {
        return removeFirst();
    }

    @Override
    public E removeFirst() {
        E removed = super.removeFirst();
        OwnerNotice.changed(owner);
        return removed;
    }

    @Override
    public E removeLast() {
        E removed = super.removeLast();
        OwnerNotice.changed(owner);
        return removed;
    }

    @Override
    public E pop() {
        return removeFirst();
    }

    @Override
    public E poll() {
        return pollFirst();
    }

    @Override
    public E pollFirst() {
        return isEmpty() ? null : removeFirst();
    }

    @Override
    public E pollLast() {
        return isEmpty() ? null : removeLast();
    }

    @Override
    public boolean removeFirstOccurrence(Object element) {
        return OwnerNotice.changedIf(owner, super.removeFirstOccurrence(element));
    }

    @Override
    public boolean removeLastOccurrence(Object element) {
        return OwnerNotice.changedIf(owner, super.removeLastOccurrence(element));
    }

    @Override
    public void clear() {
        if (!isEmpty()) {
            super.clear();
            OwnerNotice.changed(owner);
        }
    }

    /** Every iterator but the descending one is a list iterator: {@code iterator()} and sub-lists come here. */
    @Override
    public ListIterator<E> listIterator(int index) {
        return new TrackedListIterator<>(super.listIterator(index), owner);
    }

    @Override
    public Iterator<E> descendingIterator() {
        return new TrackedIterator<>(super.descendingIterator(), owner, null);
    }

    /** A plain {@code LinkedList} with the same elements: a copy belongs to no record. */
    @Override
    public Object clone() {
        return new LinkedList<>(this);
    }

    /** Serialized as a plain {@code LinkedList}. */
    private Object writeReplace() {
        return new LinkedList<>(this);
    }
}
