package org.jodb.tracking;

import java.util.Iterator;
import java.util.function.UnaryOperator;
import org.jodb.cache.PersistentObject;

/** An iterator of a tracked container or view: {@code remove} is reported; elements may be wrapped (map entries). */
final class TrackedIterator<E> implements Iterator<E> {
    private final Iterator<E> iterator;
    private final PersistentObject owner;
    private final UnaryOperator<E> wrap;

    /** {@code wrap} wraps each element handed out, or is null. */
    TrackedIterator(Iterator<E> iterator, PersistentObject owner, UnaryOperator<E> wrap) {
        this.iterator = iterator;
        this.owner = owner;
        this.wrap = wrap;
    }

    @Override
    public boolean hasNext() {
        return iterator.hasNext();
    }

    @Override
    public E next() {
        E next = iterator.next();
        return wrap == null ? next : wrap.apply(next);
    }

    @Override
    public void remove() {
        iterator.remove();
        OwnerNotice.changed(owner);
    }
}
