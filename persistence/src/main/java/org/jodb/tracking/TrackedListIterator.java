package org.jodb.tracking;

import java.util.ListIterator;
import org.jodb.cache.PersistentObject;

/** A list iterator of a tracked list: {@code remove}, {@code set} and {@code add} are reported. */
final class TrackedListIterator<E> implements ListIterator<E> {
    private final ListIterator<E> iterator;
    private final PersistentObject owner;

    TrackedListIterator(ListIterator<E> iterator, PersistentObject owner) {
        this.iterator = iterator;
        this.owner = owner;
    }

    @Override
    public boolean hasNext() {
        return iterator.hasNext();
    }

    @Override
    public E next() {
        return iterator.next();
    }

    @Override
    public boolean hasPrevious() {
        return iterator.hasPrevious();
    }

    @Override
    public E previous() {
        return iterator.previous();
    }

    @Override
    public int nextIndex() {
        return iterator.nextIndex();
    }

    @Override
    public int previousIndex() {
        return iterator.previousIndex();
    }

    @Override
    public void remove() {
        iterator.remove();
        OwnerNotice.changed(owner);
    }

    @Override
    public void set(E element) {
        iterator.set(element);
        OwnerNotice.changed(owner);
    }

    @Override
    public void add(E element) {
        iterator.add(element);
        OwnerNotice.changed(owner);
    }
}
