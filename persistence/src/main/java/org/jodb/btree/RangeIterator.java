package org.jodb.btree;

import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Iterates a {@link LongBTree}'s entries within a {@link KeyRange}, ascending (bucket to bucket
 * along the {@code next} links) or descending (to the previous bucket through the nodes), as keys,
 * values or live entries. {@link #remove()} removes the last entry from the tree; the iterator
 * then finds its place again by key, since the removal may have shifted or unlinked its bucket.
 *
 * @param <V> the tree's value type
 * @param <T> the element type
 */
final class RangeIterator<V, T> implements Iterator<T> {
    /** Makes an element out of a key and its value. */
    private interface Element<V, T> {
        T of(LongBTree<V> tree, long key, V value);
    }

    private final LongBTree<V> tree;
    private final KeyRange range;
    private final boolean descending;
    private final Element<V, T> element;
    private int expectedModCount;
    /** The next entry's bucket, or null at the end; {@code index} and {@code nextKey} locate it. */
    private LongBucket bucket;
    private int index;
    private long nextKey;
    private boolean hasLast;
    private long lastKey;

    private RangeIterator(LongBTree<V> tree, KeyRange range, boolean descending, Element<V, T> element) {
        this.tree = tree;
        this.range = range;
        this.descending = descending;
        this.element = element;
        this.expectedModCount = tree.modCount();
        moveTo(descending ? range.highest(tree) : range.lowest(tree));
    }

    static <V> RangeIterator<V, Long> keys(LongBTree<V> tree, KeyRange range, boolean descending) {
        return new RangeIterator<>(tree, range, descending, (t, key, value) -> key);
    }

    static <V> RangeIterator<V, V> values(LongBTree<V> tree, KeyRange range, boolean descending) {
        return new RangeIterator<>(tree, range, descending, (t, key, value) -> value);
    }

    static <V> RangeIterator<V, Map.Entry<Long, V>> entries(LongBTree<V> tree, KeyRange range, boolean descending) {
        return new RangeIterator<>(tree, range, descending, TreeEntry::new);
    }

    @Override
    public boolean hasNext() {
        return bucket != null;
    }

    @Override
    public T next() {
        if (bucket == null) {
            throw new NoSuchElementException();
        }
        if (tree.modCount() != expectedModCount) {
            throw new ConcurrentModificationException();
        }
        if (index >= bucket.size() || bucket.keyAt(index) != nextKey) { // moved by our own remove()
            moveTo(descending ? tree.floorSlot(nextKey, true) : tree.ceilingSlot(nextKey, true));
            if (bucket == null) {
                throw new NoSuchElementException();
            }
        }
        long key = nextKey;
        @SuppressWarnings("unchecked")
        V value = (V) bucket.valueAt(index);
        advance();
        lastKey = key;
        hasLast = true;
        return element.of(tree, key, value);
    }

    @Override
    public void remove() {
        if (!hasLast) {
            throw new IllegalStateException("next() has not been called, or remove() already was");
        }
        if (tree.modCount() != expectedModCount) {
            throw new ConcurrentModificationException();
        }
        tree.remove(lastKey);
        expectedModCount = tree.modCount();
        hasLast = false;
    }

    private void advance() {
        if (!descending && index + 1 < bucket.size()) {
            index++;
        } else if (!descending) {
            LongBucket following = bucket.next();
            moveTo(following == null ? null : new BucketSlot(following, 0));
            return;
        } else if (index > 0) {
            index--;
        } else {
            moveTo(tree.floorSlot(nextKey, false));
            return;
        }
        nextKey = bucket.keyAt(index);
        if (outside(nextKey)) {
            bucket = null;
        }
    }

    private void moveTo(BucketSlot slot) {
        if (slot == null || outside(slot.key())) {
            bucket = null;
            return;
        }
        bucket = slot.bucket();
        index = slot.index();
        nextKey = slot.key();
    }

    private boolean outside(long key) {
        return descending ? range.tooLow(key) : range.tooHigh(key);
    }
}
