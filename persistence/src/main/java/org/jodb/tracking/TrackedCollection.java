package org.jodb.tracking;

import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.function.UnaryOperator;
import org.jodb.cache.PersistentObject;

/**
 * A view of a tracked map ({@code values()}; {@link TrackedSet} for key and entry sets): removals
 * through it, its iterator and the bulk operations (which {@link AbstractCollection} runs through
 * that iterator) are reported; elements may be wrapped (map entries, so that {@code setValue} is
 * reported, also through {@code toArray}, {@code forEach} and streams).
 */
class TrackedCollection<E> extends AbstractCollection<E> {
    final Collection<E> view;
    private final PersistentObject owner;
    private final UnaryOperator<E> wrap;

    /** {@code wrap} wraps each element handed out, or is null. */
    TrackedCollection(Collection<E> view, PersistentObject owner, UnaryOperator<E> wrap) {
        this.view = view;
        this.owner = owner;
        this.wrap = wrap;
    }

    @Override
    public Iterator<E> iterator() {
        return new TrackedIterator<>(view.iterator(), owner, wrap);
    }

    @Override
    public int size() {
        return view.size();
    }

    @Override
    public boolean isEmpty() {
        return view.isEmpty();
    }

    @Override
    public boolean contains(Object o) {
        return view.contains(o);
    }

    @Override
    public boolean remove(Object o) {
        boolean removed = view.remove(o);
        if (removed) {
            OwnerNotice.changed(owner);
        }
        return removed;
    }

    @Override
    public void clear() {
        if (!view.isEmpty()) {
            view.clear();
            OwnerNotice.changed(owner);
        }
    }
}
