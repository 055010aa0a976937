package org.jodb.btree;

import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableSet;
import java.util.SortedSet;

/**
 * The keys of a {@link LongRangeView} as a {@link NavigableSet}; removals go to the tree. A map's
 * key set cannot add (as {@code TreeMap}'s); a {@link LongTreeSet}'s, and its views, add a key
 * with the set's marker value.
 */
final class LongKeySet extends AbstractSet<Long> implements NavigableSet<Long> {
    private final LongRangeView<?> map;
    /** The value {@link #add} puts, or null if this key set cannot add. */
    private final Object present;

    LongKeySet(LongRangeView<?> map) {
        this(map, null);
    }

    LongKeySet(LongRangeView<?> map, Object present) {
        this.map = map;
        this.present = present;
    }

    /** Adds {@code key} to the tree, if this is a set's key set and the key lies in its range. */
    @Override
    public boolean add(Long key) {
        if (present == null) {
            throw new UnsupportedOperationException("a map's key set cannot add keys");
        }
        @SuppressWarnings("unchecked")
        LongRangeView<Object> values = (LongRangeView<Object>) map;
        return values.put(key, present) == null;
    }

    @Override
    public Iterator<Long> iterator() {
        return map.keyIterator();
    }

    @Override
    public Iterator<Long> descendingIterator() {
        return map.descendingKeyIterator();
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public boolean contains(Object key) {
        return map.containsKey(key);
    }

    @Override
    public boolean remove(Object key) {
        if (!map.containsKey(key)) {
            return false;
        }
        map.remove(key);
        return true;
    }

    @Override
    public void clear() {
        map.clear();
    }

    @Override
    public Comparator<? super Long> comparator() {
        return map.comparator();
    }

    @Override
    public Long first() {
        return map.firstKey();
    }

    @Override
    public Long last() {
        return map.lastKey();
    }

    @Override
    public Long lower(Long key) {
        return map.lowerKey(key);
    }

    @Override
    public Long floor(Long key) {
        return map.floorKey(key);
    }

    @Override
    public Long ceiling(Long key) {
        return map.ceilingKey(key);
    }

    @Override
    public Long higher(Long key) {
        return map.higherKey(key);
    }

    @Override
    public Long pollFirst() {
        Map.Entry<Long, ?> entry = map.pollFirstEntry();
        return entry == null ? null : entry.getKey();
    }

    @Override
    public Long pollLast() {
        Map.Entry<Long, ?> entry = map.pollLastEntry();
        return entry == null ? null : entry.getKey();
    }

    @Override
    public NavigableSet<Long> descendingSet() {
        return new LongKeySet(map.descendingMap(), present);
    }

    @Override
    public NavigableSet<Long> subSet(Long fromElement, boolean fromInclusive, Long toElement, boolean toInclusive) {
        return new LongKeySet(map.subMap(fromElement, fromInclusive, toElement, toInclusive), present);
    }

    @Override
    public NavigableSet<Long> headSet(Long toElement, boolean inclusive) {
        return new LongKeySet(map.headMap(toElement, inclusive), present);
    }

    @Override
    public NavigableSet<Long> tailSet(Long fromElement, boolean inclusive) {
        return new LongKeySet(map.tailMap(fromElement, inclusive), present);
    }

    @Override
    public SortedSet<Long> subSet(Long fromElement, Long toElement) {
        return subSet(fromElement, true, toElement, false);
    }

    @Override
    public SortedSet<Long> headSet(Long toElement) {
        return headSet(toElement, false);
    }

    @Override
    public SortedSet<Long> tailSet(Long fromElement) {
        return tailSet(fromElement, true);
    }
}
