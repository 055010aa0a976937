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
 * A {@link NavigableMap} view of a {@link LongBTree}'s entries within a {@link KeyRange}, in
 * ascending or descending order: the whole tree, or what {@code subMap}, {@code headMap},
 * {@code tailMap} and {@code descendingMap} return. Reads and writes go to the tree; a key put
 * outside the range throws {@link IllegalArgumentException}, as {@code TreeMap}'s views do.
 *
 * @param <V> the value type
 */
final class LongRangeView<V> extends AbstractMap<Long, V> implements NavigableMap<Long, V> {
    private final LongBTree<V> tree;
    private final KeyRange range;
    private final boolean descending;

    LongRangeView(LongBTree<V> tree, KeyRange range, boolean descending) {
        this.tree = tree;
        this.range = range;
        this.descending = descending;
    }

    // ---- entries in this view's order -----------------------------------------------------------

    private BucketSlot first() {
        return descending ? range.highest(tree) : range.lowest(tree);
    }

    private BucketSlot last() {
        return descending ? range.lowest(tree) : range.highest(tree);
    }

    /** The first entry at or after {@code key} in this view's order ({@code after} only if strict). */
    private BucketSlot atOrAfter(Object key, boolean inclusive) {
        long k = LongBTree.keyOf(key);
        return descending ? range.floor(tree, k, inclusive) : range.ceiling(tree, k, inclusive);
    }

    private BucketSlot atOrBefore(Object key, boolean inclusive) {
        long k = LongBTree.keyOf(key);
        return descending ? range.ceiling(tree, k, inclusive) : range.floor(tree, k, inclusive);
    }

    private Entry<Long, V> snapshot(BucketSlot slot) {
        if (slot == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        V value = (V) slot.value();
        return new SimpleImmutableEntry<>(slot.key(), value);
    }

    private static Long keyOrNull(BucketSlot slot) {
        return slot == null ? null : slot.key();
    }

    private static Long keyOrThrow(BucketSlot slot) {
        if (slot == null) {
            throw new NoSuchElementException();
        }
        return slot.key();
    }

    private Entry<Long, V> poll(BucketSlot slot) {
        Entry<Long, V> entry = snapshot(slot);
        if (entry != null) {
            tree.remove(entry.getKey().longValue());
        }
        return entry;
    }

    RangeIterator<V, Long> keyIterator() {
        return RangeIterator.keys(tree, range, descending);
    }

    RangeIterator<V, Long> descendingKeyIterator() {
        return RangeIterator.keys(tree, range, !descending);
    }

    // ---- Map --------------------------------------------------------------------------------------

    @Override
    public int size() {
        if (range.isAll()) {
            return tree.size();
        }
        int count = 0;
        for (Iterator<Long> keys = keyIterator(); keys.hasNext(); keys.next()) {
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
        long k = LongBTree.keyOf(key);
        return range.contains(k) && tree.containsKey(k);
    }

    @Override
    public V get(Object key) {
        long k = LongBTree.keyOf(key);
        return range.contains(k) ? tree.get(k) : null;
    }

    @Override
    public V put(Long key, V value) {
        long k = LongBTree.keyOf(key);
        if (!range.contains(k)) {
            throw new IllegalArgumentException("key out of range: " + k);
        }
        return tree.put(k, value);
    }

    @Override
    public V remove(Object key) {
        long k = LongBTree.keyOf(key);
        return range.contains(k) ? tree.remove(k) : null;
    }

    @Override
    public void clear() {
        if (range.isAll()) {
            tree.clearAll();
        } else {
            for (Iterator<Long> keys = keyIterator(); keys.hasNext(); ) {
                keys.next();
                keys.remove();
            }
        }
    }

    @Override
    public Set<Entry<Long, V>> entrySet() {
        return new EntrySet();
    }

    @Override
    public Collection<V> values() {
        return new Values();
    }

    @Override
    public Set<Long> keySet() {
        return navigableKeySet();
    }

    // ---- SortedMap / NavigableMap ---------------------------------------------------------------

    @Override
    public Comparator<? super Long> comparator() {
        return descending ? Collections.reverseOrder() : null;
    }

    @Override
    public Long firstKey() {
        return keyOrThrow(first());
    }

    @Override
    public Long lastKey() {
        return keyOrThrow(last());
    }

    @Override
    public Entry<Long, V> firstEntry() {
        return snapshot(first());
    }

    @Override
    public Entry<Long, V> lastEntry() {
        return snapshot(last());
    }

    @Override
    public Entry<Long, V> pollFirstEntry() {
        return poll(first());
    }

    @Override
    public Entry<Long, V> pollLastEntry() {
        return poll(last());
    }

    @Override
    public Entry<Long, V> lowerEntry(Long key) {
        return snapshot(atOrBefore(key, false));
    }

    @Override
    public Long lowerKey(Long key) {
        return keyOrNull(atOrBefore(key, false));
    }

    @Override
    public Entry<Long, V> floorEntry(Long key) {
        return snapshot(atOrBefore(key, true));
    }

    @Override
    public Long floorKey(Long key) {
        return keyOrNull(atOrBefore(key, true));
    }

    @Override
    public Entry<Long, V> ceilingEntry(Long key) {
        return snapshot(atOrAfter(key, true));
    }

    @Override
    public Long ceilingKey(Long key) {
        return keyOrNull(atOrAfter(key, true));
    }

    @Override
    public Entry<Long, V> higherEntry(Long key) {
        return snapshot(atOrAfter(key, false));
    }

    @Override
    public Long higherKey(Long key) {
        return keyOrNull(atOrAfter(key, false));
    }

    @Override
    public LongRangeView<V> descendingMap() {
        return new LongRangeView<>(tree, range, !descending);
    }

    @Override
    public LongKeySet navigableKeySet() {
        return new LongKeySet(this);
    }

    @Override
    public LongKeySet descendingKeySet() {
        return descendingMap().navigableKeySet();
    }

    @Override
    public LongRangeView<V> subMap(Long fromKey, boolean fromInclusive, Long toKey, boolean toInclusive) {
        long from = LongBTree.keyOf(fromKey);
        long to = LongBTree.keyOf(toKey);
        if (!range.admitsBound(from, fromInclusive)) {
            throw new IllegalArgumentException("fromKey out of range: " + from);
        }
        if (!range.admitsBound(to, toInclusive)) {
            throw new IllegalArgumentException("toKey out of range: " + to);
        }
        if (descending ? from < to : from > to) {
            throw new IllegalArgumentException("fromKey > toKey");
        }
        KeyRange bounded = descending ? range.from(to, toInclusive).to(from, fromInclusive)
                : range.from(from, fromInclusive).to(to, toInclusive);
        return new LongRangeView<>(tree, bounded, descending);
    }

    @Override
    public LongRangeView<V> headMap(Long toKey, boolean inclusive) {
        long to = LongBTree.keyOf(toKey);
        if (!range.admitsBound(to, inclusive)) {
            throw new IllegalArgumentException("toKey out of range: " + to);
        }
        KeyRange bounded = descending ? range.from(to, inclusive) : range.to(to, inclusive);
        return new LongRangeView<>(tree, bounded, descending);
    }

    @Override
    public LongRangeView<V> tailMap(Long fromKey, boolean inclusive) {
        long from = LongBTree.keyOf(fromKey);
        if (!range.admitsBound(from, inclusive)) {
            throw new IllegalArgumentException("fromKey out of range: " + from);
        }
        KeyRange bounded = descending ? range.to(from, inclusive) : range.from(from, inclusive);
        return new LongRangeView<>(tree, bounded, descending);
    }

    @Override
    public LongRangeView<V> subMap(Long fromKey, Long toKey) {
        return subMap(fromKey, true, toKey, false);
    }

    @Override
    public LongRangeView<V> headMap(Long toKey) {
        return headMap(toKey, false);
    }

    @Override
    public LongRangeView<V> tailMap(Long fromKey) {
        return tailMap(fromKey, true);
    }

    // ---- collection views -------------------------------------------------------------------------

    /** The entries, whose iterator yields live entries ({@code setValue} writes to the tree). */
    private final class EntrySet extends AbstractSet<Entry<Long, V>> {
        @Override
        public Iterator<Entry<Long, V>> iterator() {
            return RangeIterator.entries(tree, range, descending);
        }

        @Override
        public int size() {
            return LongRangeView.this.size();
        }

        @Override
        public boolean isEmpty() {
            return LongRangeView.this.isEmpty();
        }

        @Override
        public boolean contains(Object o) {
            if (!(o instanceof Map.Entry) || !(((Map.Entry<?, ?>) o).getKey() instanceof Long)) {
                return false;
            }
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) o;
            long key = (Long) entry.getKey();
            return containsKey(key) && Objects.equals(get(key), entry.getValue());
        }

        @Override
        public boolean remove(Object o) {
            if (!contains(o)) {
                return false;
            }
            LongRangeView.this.remove(((Map.Entry<?, ?>) o).getKey());
            return true;
        }

        @Override
        public void clear() {
            LongRangeView.this.clear();
        }
    }

    private final class Values extends AbstractCollection<V> {
        @Override
        public Iterator<V> iterator() {
            return RangeIterator.values(tree, range, descending);
        }

        @Override
        public int size() {
            return LongRangeView.this.size();
        }

        @Override
        public boolean isEmpty() {
            return LongRangeView.this.isEmpty();
        }

        @Override
        public void clear() {
            LongRangeView.this.clear();
        }
    }
}
