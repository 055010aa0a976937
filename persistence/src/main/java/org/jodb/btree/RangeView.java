package org.jodb.btree;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link NavigableMap} view of a {@link BTree}'s entries within a {@link KeyRange}, in
 * ascending or descending order: the whole tree, or what {@code subMap}, {@code headMap},
 * {@code tailMap} and {@code descendingMap} return. Reads and writes go to the tree; a key put
 * outside the range throws {@link IllegalArgumentException}, as {@code TreeMap}'s views do.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class RangeView<K, V> extends AbstractMap<K, V> implements NavigableMap<K, V> {
    private final BTree<K, V> tree;
    private final KeyRange range;
    private final boolean descending;

    RangeView(BTree<K, V> tree, KeyRange range, boolean descending) {
        this.tree = tree;
        this.range = range;
        this.descending = descending;
    }

    // ---- entries in this view's order -----------------------------------------------------------

    private BucketSlot first() {
        return descending ? range.highest() : range.lowest();
    }

    private BucketSlot last() {
        return descending ? range.lowest() : range.highest();
    }

    /** The first entry at or after {@code key} in this view's order ({@code after} only if strict). */
    private BucketSlot atOrAfter(Object key, boolean inclusive) {
        Object k = tree.checkedKey(key);
        return descending ? range.floor(k, inclusive) : range.ceiling(k, inclusive);
    }

    private BucketSlot atOrBefore(Object key, boolean inclusive) {
        Object k = tree.checkedKey(key);
        return descending ? range.ceiling(k, inclusive) : range.floor(k, inclusive);
    }

    private Entry<K, V> snapshot(BucketSlot slot) {
        if (slot == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        V value = (V) slot.value();
        return new SimpleImmutableEntry<>(keyOf(slot), value);
    }

    @SuppressWarnings("unchecked")
    private static <K> K keyOf(BucketSlot slot) {
        return (K) slot.key();
    }

    private static <K> K keyOrNull(BucketSlot slot) {
        return slot == null ? null : keyOf(slot);
    }

    private static <K> K keyOrThrow(BucketSlot slot) {
        if (slot == null) {
            throw new NoSuchElementException();
        }
        return keyOf(slot);
    }

    private Entry<K, V> poll(BucketSlot slot) {
        Entry<K, V> entry = snapshot(slot);
        if (entry != null) {
            tree.removeKey(entry.getKey());
        }
        return entry;
    }

    RangeIterator<K, V, K> keyIterator() {
        return RangeIterator.keys(tree, range, descending);
    }

    RangeIterator<K, V, K> descendingKeyIterator() {
        return RangeIterator.keys(tree, range, !descending);
    }

    // ---- Map --------------------------------------------------------------------------------------

    @Override
    public int size() {
        if (range.isAll()) {
            return tree.size();
        }
        int count = 0;
        for (Iterator<K> keys = keyIterator(); keys.hasNext(); keys.next()) {
            count++;
        }
        return count;
    }

    @Override
    public boolean isEmpty() {
        return range.isAll() ? tree.isEmpty() : first() == null;
    }

    @Override
    public boolean containsKey(Object key) {
        Object k = tree.checkedKey(key);
        return range.contains(k) && tree.containsKey(k);
    }

    @Override
    public V get(Object key) {
        Object k = tree.checkedKey(key);
        return range.contains(k) ? tree.get(k) : null;
    }

    @Override
    public V put(K key, V value) {
        Object k = tree.checkedKey(key);
        if (!range.contains(k)) {
            throw new IllegalArgumentException("key out of range: " + k);
        }
        return tree.put(key, value);
    }

    @Override
    public V remove(Object key) {
        Object k = tree.checkedKey(key);
        return range.contains(k) ? tree.removeKey(k) : null;
    }

    @Override
    public void clear() {
        if (range.isAll()) {
            tree.clear();
        } else {
            for (Iterator<K> keys = keyIterator(); keys.hasNext(); ) {
                keys.next();
                keys.remove();
            }
        }
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new EntrySet();
    }

    @Override
    public Collection<V> values() {
        return new Values();
    }

    @Override
    public Set<K> keySet() {
        return navigableKeySet();
    }

    // ---- SortedMap / NavigableMap ---------------------------------------------------------------

    @Override
    public Comparator<? super K> comparator() {
        Comparator<? super K> order = tree.comparator();
        return descending ? Collections.reverseOrder(order) : order;
    }

    @Override
    public K firstKey() {
        return keyOrThrow(first());
    }

    @Override
    public K lastKey() {
        return keyOrThrow(last());
    }

    @Override
    public Entry<K, V> firstEntry() {
        return snapshot(first());
    }

    @Override
    public Entry<K, V> lastEntry() {
        return snapshot(last());
    }

    @Override
    public Entry<K, V> pollFirstEntry() {
        return poll(first());
    }

    @Override
    public Entry<K, V> pollLastEntry() {
        return poll(last());
    }

    @Override
    public Entry<K, V> lowerEntry(K key) {
        return snapshot(atOrBefore(key, false));
    }

    @Override
    public K lowerKey(K key) {
        return keyOrNull(atOrBefore(key, false));
    }

    @Override
    public Entry<K, V> floorEntry(K key) {
        return snapshot(atOrBefore(key, true));
    }

    @Override
    public K floorKey(K key) {
        return keyOrNull(atOrBefore(key, true));
    }

    @Override
    public Entry<K, V> ceilingEntry(K key) {
        return snapshot(atOrAfter(key, true));
    }

    @Override
    public K ceilingKey(K key) {
        return keyOrNull(atOrAfter(key, true));
    }

    @Override
    public Entry<K, V> higherEntry(K key) {
        return snapshot(atOrAfter(key, false));
    }

    @Override
    public K higherKey(K key) {
        return keyOrNull(atOrAfter(key, false));
    }

    @Override
    public RangeView<K, V> descendingMap() {
        return new RangeView<>(tree, range, !descending);
    }

    @Override
    public KeySet<K> navigableKeySet() {
        return new KeySet<>(this);
    }

    @Override
    public KeySet<K> descendingKeySet() {
        return descendingMap().navigableKeySet();
    }

    @Override
    public RangeView<K, V> subMap(K fromKey, boolean fromInclusive, K toKey, boolean toInclusive) {
        Object from = tree.checkedKey(fromKey);
        Object to = tree.checkedKey(toKey);
        if (!range.admitsBound(from, fromInclusive)) {
            throw new IllegalArgumentException("fromKey out of range: " + from);
        }
        if (!range.admitsBound(to, toInclusive)) {
            throw new IllegalArgumentException("toKey out of range: " + to);
        }
        if (descending ? tree.compare(from, to) < 0 : tree.compare(from, to) > 0) {
            throw new IllegalArgumentException("fromKey > toKey");
        }
        KeyRange bounded = descending ? range.from(to, toInclusive).to(from, fromInclusive)
                : range.from(from, fromInclusive).to(to, toInclusive);
        return new RangeView<>(tree, bounded, descending);
    }

    @Override
    public RangeView<K, V> headMap(K toKey, boolean inclusive) {
        Object to = tree.checkedKey(toKey);
        if (!range.admitsBound(to, inclusive)) {
            throw new IllegalArgumentException("toKey out of range: " + to);
        }
        KeyRange bounded = descending ? range.from(to, inclusive) : range.to(to, inclusive);
        return new RangeView<>(tree, bounded, descending);
    }

    @Override
    public RangeView<K, V> tailMap(K fromKey, boolean inclusive) {
        Object from = tree.checkedKey(fromKey);
        if (!range.admitsBound(from, inclusive)) {
            throw new IllegalArgumentException("fromKey out of range: " + from);
        }
        KeyRange bounded = descending ? range.to(from, inclusive) : range.from(from, inclusive);
        return new RangeView<>(tree, bounded, descending);
    }

    @Override
    public RangeView<K, V> subMap(K fromKey, K toKey) {
        return subMap(fromKey, true, toKey, false);
    }

    @Override
    public RangeView<K, V> headMap(K toKey) {
        return headMap(toKey, false);
    }

    @Override
    public RangeView<K, V> tailMap(K fromKey) {
        return tailMap(fromKey, true);
    }

    // ---- collection views -------------------------------------------------------------------------

    /** The entries, whose iterator yields live entries ({@code setValue} writes to the tree). */
    private final class EntrySet extends AbstractSet<Entry<K, V>> {
        @Override
        public Iterator<Entry<K, V>> iterator() {
            return RangeIterator.entries(tree, range, descending);
        }

        @Override
        public int size() {
            return RangeView.this.size();
        }

        @Override
        public boolean isEmpty() {
            return RangeView.this.isEmpty();
        }

        @Override
        public boolean contains(Object o) {
            if (!(o instanceof Map.Entry)) {
                return false;
            }
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) o;
            Object key = entry.getKey();
            try {
                return containsKey(key) && Objects.equals(get(key), entry.getValue());
            } catch (NullPointerException | ClassCastException e) { // a key this tree cannot hold
                return false;
            }
        }

        @Override
        public boolean remove(Object o) {
            if (!contains(o)) {
                return false;
            }
            RangeView.this.remove(((Map.Entry<?, ?>) o).getKey());
            return true;
        }

        @Override
        public void clear() {
            RangeView.this.clear();
        }
    }

    private final class Values extends AbstractCollection<V> {
        @Override
        public Iterator<V> iterator() {
            return RangeIterator.values(tree, range, descending);
        }

        @Override
        public int size() {
            return RangeView.this.size();
        }

        @Override
        public boolean isEmpty() {
            return RangeView.this.isEmpty();
        }

        @Override
        public void clear() {
            RangeView.this.clear();
        }
    }
}
