package org.jodb.btree;

import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Iterates a {@link BTree}'s entries within a {@link KeyRange}, ascending (bucket to bucket along
 * the {@code next} links) or descending (to the previous bucket through the nodes), as keys, values
 * or live entries. {@link #remove()} removes the last entry from the tree; the iterator then finds
 * its place again by key, since the removal may have shifted or unlinked its bucket. A key is read
 * out of its bucket (boxed, for a {@link LongBTree}) only when the element, a range bound or a
 * removal needs it: a scan of a whole tree's values boxes nothing.
 *
 * @param <K> the tree's key type
 * @param <V> the tree's value type
 * @param <T> the element type
 */
final class RangeIterator<K, V, T> implements Iterator<T> {
    /** Makes an element out of an entry. */
    private interface Element<K, V, T> {
        T of(BTree<K, V> tree, Bucket bucket, int index);
    }

    private final BTree<K, V> tree;
    private final KeyRange range;
    private final boolean descending;
    private final Element<K, V, T> element;
    private int expectedModCount;
    /** The next entry's bucket, or null at the end; {@code index} locates it. */
    private Bucket bucket;
    private int index;
    /** The entry last returned, until {@link #remove()} removes it. */
    private Bucket lastBucket;
    private int lastIndex;
    /** The next entry's key, when our own {@link #remove()} may have moved the entry; else null. */
    private Object relocateTo;

    private RangeIterator(BTree<K, V> tree, KeyRange range, boolean descending, Element<K, V, T> element) {
        this.tree = tree;
        this.range = range;
        this.descending = descending;
        this.element = element;
        this.expectedModCount = tree.modCount();
        moveTo(descending ? range.highest() : range.lowest());
    }

    static <K, V> RangeIterator<K, V, K> keys(BTree<K, V> tree, KeyRange range, boolean descending) {
        return new RangeIterator<>(tree, range, descending, (t, bucket, index) -> key(bucket, index));
    }

    static <K, V> RangeIterator<K, V, V> values(BTree<K, V> tree, KeyRange range, boolean descending) {
        return new RangeIterator<>(tree, range, descending, (t, bucket, index) -> BTree.value(bucket, index));
    }

    static <K, V> RangeIterator<K, V, Map.Entry<K, V>> entries(BTree<K, V> tree, KeyRange range, boolean descending) {
        return new RangeIterator<>(tree, range, descending,
                (t, bucket, index) -> new TreeEntry<>(t, key(bucket, index), BTree.value(bucket, index)));
    }

    @SuppressWarnings("unchecked")
    private static <K> K key(Bucket bucket, int index) {
        return (K) bucket.keyAt(index);
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
        if (relocateTo != null) { // our own remove() may have shifted or unlinked the bucket
            moveTo(descending ? tree.floorSlot(relocateTo, true) : tree.ceilingSlot(relocateTo, true));
            relocateTo = null;
            if (bucket == null) {
                throw new NoSuchElementException();
            }
        }
        lastBucket = bucket;
        lastIndex = index;
        T result = element.of(tree, bucket, index);
        advance();
        return result;
    }

    @Override
    public void remove() {
        if (lastBucket == null) {
            throw new IllegalStateException("next() has not been called, or remove() already was");
        }
        if (tree.modCount() != expectedModCount) {
            throw new ConcurrentModificationException();
        }
        if (bucket != null && relocateTo == null) {
            relocateTo = bucket.keyAt(index);
        }
        Object lastKey = lastBucket.keyAt(lastIndex);
        lastBucket = null;
        tree.removeKey(lastKey);
        expectedModCount = tree.modCount();
    }

    private void advance() {
        if (!descending && index + 1 < bucket.size()) {
            index++;
        } else if (!descending) {
            Bucket following = bucket.next();
            moveTo(following == null ? null : new BucketSlot(following, 0));
            return;
        } else if (index > 0) {
            index--;
        } else {
            moveTo(tree.floorSlot(bucket.keyAt(index), false));
            return;
        }
        if (bounded() && outside(bucket.keyAt(index))) {
            bucket = null;
        }
    }

    private void moveTo(BucketSlot slot) {
        if (slot == null || bounded() && outside(slot.key())) {
            bucket = null;
            return;
        }
        bucket = slot.bucket();
        index = slot.index();
    }

    /** Whether the range bounds the side the iteration moves towards. */
    private boolean bounded() {
        return descending ? range.boundedBelow() : range.boundedAbove();
    }

    private boolean outside(Object key) {
        return descending ? range.tooLow(key) : range.tooHigh(key);
    }
}
