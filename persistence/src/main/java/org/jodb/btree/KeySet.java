package org.jodb.btree;

import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableSet;
import java.util.SortedSet;

/**
 * The keys of a {@link RangeView} as a {@link NavigableSet}; removals go to the tree. A map's
 * key set cannot add (as {@code TreeMap}'s); a {@link BTreeSet}'s, and its views, add a key
 * with the set's marker value.
 */
final class KeySet<K> extends AbstractSet<K> implements NavigableSet<K> {
    private final RangeView<K, ?> map;
    /** The value {@link #add} puts, or null if this key set cannot add. */
    private final Object present;

    KeySet(RangeView<K, ?> map) {
        this(map, null);
    }

    KeySet(RangeView<K, ?> map, Object present) {
        this.map = map;
        this.present = present;
    }

    /** Adds {@code key} to the tree, if this is a set's key set and the key lies in its range. */
    @Override
    public boolean add(K key) {
        if (present == null) {
            throw new UnsupportedOperationException("a map's key set cannot add keys");
        }
        @SuppressWarnings("unchecked")
        RangeView<K, Object> values = (RangeView<K, Object>) map;
        return values.put(key, present) == null;
    }

    @Override
    public Iterator<K> iterator() {
        return map.keyIterator();
    }

    @Override
    public Iterator<K> descendingIterator() {
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
    public Comparator<? super K> comparator() {
        return map.comparator();
    }

    @Override
    public K first() {
        return map.firstKey();
    }

    @Override
    public K last() {
        return map.lastKey();
    }

    @Override
    public K lower(K key) {
        return map.lowerKey(key);
    }

    @Override
    public K floor(K key) {
        return map.floorKey(key);
    }

    @Override
    public K ceiling(K key) {
        return map.ceilingKey(key);
    }

    @Override
    public K higher(K key) {
        return map.higherKey(key);
    }

    @Override
    public K pollFirst() {
        Map.Entry<K, ?> entry = map.pollFirstEntry();
        return entry == null ? null : entry.getKey();
    }

    @Override
    public K pollLast() {
        Map.Entry<K, ?> entry = map.pollLastEntry();
        return entry == null ? null : entry.getKey();
    }

    @Override
    public NavigableSet<K> descendingSet() {
        return new KeySet<>(map.descendingMap(), present);
    }

    @Override
    public NavigableSet<K> subSet(K fromElement, boolean fromInclusive, K toElement, boolean toInclusive) {
        return new KeySet<>(map.subMap(fromElement, fromInclusive, toElement, toInclusive), present);
    }

    @Override
    public NavigableSet<K> headSet(K toElement, boolean inclusive) {
        return new KeySet<>(map.headMap(toElement, inclusive), present);
    }

    @Override
    public NavigableSet<K> tailSet(K fromElement, boolean inclusive) {
        return new KeySet<>(map.tailMap(fromElement, inclusive), present);
    }

    @Override
    public SortedSet<K> subSet(K fromElement, K toElement) {
        return subSet(fromElement, true, toElement, false);
    }

    @Override
    public SortedSet<K> headSet(K toElement) {
        return headSet(toElement, false);
    }

    @Override
    public SortedSet<K> tailSet(K fromElement) {
        return tailSet(fromElement, true);
    }
}
