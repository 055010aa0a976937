package org.jodb.tracking;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.function.Predicate;
import org.jodb.cache.PersistentObject;

/**
 * An {@code ArrayDeque} decoded from a record, which marks its owner CHANGED after every call that
 * changed its contents: every mutator is overridden (those of {@code ArrayDeque} that call one
 * another are routed through one tracked method), and its iterators' {@code remove}. From Java 21,
 * {@code reversed()} is a view that changes the deque through these methods. A call that changed
 * nothing ({@code poll} of an empty deque, {@code removeIf} that matches nothing) marks nothing.
 * {@code clone()} and Java serialization give a plain {@code ArrayDeque}. Not thread-safe, like
 * {@code ArrayDeque}.
 *
 * @param <E> element type
 */
public final class TrackedArrayDeque<E> extends ArrayDeque<E> implements Tracked {
    private static final long serialVersionUID = 1L;

    private transient PersistentObject owner;

    /** An empty deque with room for {@code capacity} elements, tracking nothing until {@link #trackChangesOf}. */
    public TrackedArrayDeque(int capacity) {
        super(capacity);
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
    public boolean add(E element) {
        addLast(element);
        return true;
    }

    @Override
    public boolean offer(E element) {
        addLast(element);
        return true;
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
    public boolean addAll(Collection<? extends E> elements) {
        return OwnerNotice.changedIf(owner, super.addAll(elements));
    }

    @Override
    public E pollFirst() {
        E removed = super.pollFirst();
        OwnerNotice.changedIf(owner, removed != null); // an ArrayDeque holds no null
        return removed;
    }

    @Override
    public E pollLast() {
        E removed = super.pollLast();
        OwnerNotice.changedIf(owner, removed != null);
        return removed;
    }

    @Override
    public E poll() {
        return pollFirst();
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
    public E remove() {
        return removeFirst();
    }

    @Override
    public E pop() {
        return removeFirst();
    }

    @Override
    public boolean remove(Object element) {
        return removeFirstOccurrence(element);
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
    public boolean removeIf(Predicate<? super E> filter) {
        return OwnerNotice.changedIf(owner, super.removeIf(filter));
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
    public void clear() {
        if (!isEmpty()) {
            super.clear();
            OwnerNotice.changed(owner);
        }
    }

    @Override
    public Iterator<E> iterator() {
        return new TrackedIterator<>(super.iterator(), owner, null);
    }

    @Override
    public Iterator<E> descendingIterator() {
        return new TrackedIterator<>(super.descendingIterator(), owner, null);
    }

    /** A plain {@code ArrayDeque} with the same elements: a copy belongs to no record. */
    @Override
    public ArrayDeque<E> clone() {
        return new ArrayDeque<>(this);
    }

    /** Serialized as a plain {@code ArrayDeque}. */
    private Object writeReplace() {
        return new ArrayDeque<>(this);
    }
}
