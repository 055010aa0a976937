package org.jodb.tracking;

import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.function.Predicate;
import org.jodb.cache.PersistentObject;

/**
 * A {@code HashSet} decoded from a record, which marks its owner CHANGED after every call that
 * changed its contents, including its iterator's {@code remove}; {@code add} of an element it
 * holds marks nothing. {@code clone()} and Java serialization give a plain {@code HashSet}.
 * Not thread-safe, like {@code HashSet}.
 *
 * @param <E> element type
 */
public final class TrackedHashSet<E> extends HashSet<E> implements Tracked {
    private static final long serialVersionUID = 1L;

    private transient PersistentObject owner;

    /** An empty set with room for {@code capacity} elements, tracking nothing until {@link #trackChangesOf}. */
    public TrackedHashSet(int capacity) {
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
    public boolean add(E element) {
        return OwnerNotice.changedIf(owner, super.add(element));
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
    public Iterator<E> iterator() {
        return new TrackedIterator<>(super.iterator(), owner, null);
    }

    /** A plain {@code HashSet} with the same elements: a copy belongs to no record. */
    @Override
    public Object clone() {
        return new HashSet<>(this);
    }

    /** Serialized as a plain {@code HashSet}. */
    private Object writeReplace() {
        return new HashSet<>(this);
    }
}
