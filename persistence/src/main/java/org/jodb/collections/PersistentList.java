package org.jodb.collections;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.RandomAccess;
import org.jodb.Persistent;
import org.jodb.cache.PersistentObject;

/**
 * A persistent list stored in one record: right for small lists (up to a few thousand elements);
 * a change rewrites the whole list.
 *
 * <p>Every change through the list, its iterators and sub-lists is tracked. Mutable elements
 * changed in place (a plain array, say) are not; the commit finds such a change only by comparison
 * (change detection, on by default) if the list was used in the transaction: otherwise call
 * {@link PersistentObject#markChanged()} on the list afterwards. Not thread-safe, like every
 * persistent object.
 *
 * @param <E> element type
 */
@Persistent
public class PersistentList<E> extends AbstractList<E> implements RandomAccess {
    private ArrayList<E> elements = new ArrayList<>();

    public PersistentList() {
    }

    public PersistentList(Collection<? extends E> initial) {
        elements.addAll(initial);
    }

    @Override
    public E get(int index) {
        return elements.get(index);
    }

    @Override
    public int size() {
        return elements.size();
    }

    @Override
    public E set(int index, E element) {
        StoredValues.requireStorable(element);
        E previous = elements.set(index, element);
        changed();
        return previous;
    }

    @Override
    public void add(int index, E element) {
        StoredValues.requireStorable(element);
        elements.add(index, element);
        modCount++;
        changed();
    }

    @Override
    public E remove(int index) {
        E previous = elements.remove(index);
        modCount++;
        changed();
        return previous;
    }

    @Override
    public void clear() {
        elements.clear();
        modCount++;
        changed();
    }

    private void changed() {
        ((PersistentObject) (Object) this).markChanged();
    }
}
