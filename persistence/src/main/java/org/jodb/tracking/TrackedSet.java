package org.jodb.tracking;

import java.util.Set;
import java.util.function.UnaryOperator;
import org.jodb.cache.PersistentObject;

/** The key or entry set of a tracked map: a {@link TrackedCollection} with the equality of a set. */
final class TrackedSet<E> extends TrackedCollection<E> implements Set<E> {
    TrackedSet(Set<E> view, PersistentObject owner, UnaryOperator<E> wrap) {
        super(view, owner, wrap);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || view.equals(o);
    }

    @Override
    public int hashCode() {
        return view.hashCode();
    }
}
