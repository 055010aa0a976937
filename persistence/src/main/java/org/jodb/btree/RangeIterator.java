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
    // What an element is made of; a switch on a constant of the iterator rather than a lambda, so
    // that next() stays small enough to be inlined into the caller's loop, where the JIT can then
    // drop the entry (and the boxed key) that the loop only unpacks.
    private static final int KEYS = 0;
    private static final int VALUES = 1;
    private static final int ENTRIES = 2;

    private final BTree<K, V> tree;
    private final KeyRange range;
    private final boolean descending;
    /** Ascending with no upper bound: moving within a bucket needs no key comparison. */
    private final boolean unboundedAscending;
    private final int element;
    private int expectedModCount;
    /** The next entry's bucket, or null at the end; {@code index} locates it. */
    private Bucket bucket;
    private int index;
    /**
     * For an {@link #unboundedAscending} iteration, the size of {@link #bucket} when it was entered:
     * {@link #next()} takes entries up to it without further checks, and {@code index == limit}
     * means that the move to the following bucket is pending ({@link #settle()}). 0 otherwise, and
     * after our own {@link #remove()}, which sends the next call down the slow path.
     */
    private int limit;
    /** The entry last returned, until {@link #remove()} removes it. */
    private Bucket lastBucket;
    private int lastIndex;
    /** The next entry's key, when our own {@link #remove()} may have moved the entry; else null. */
    private Object relocateTo;

    private RangeIterator(BTree<K, V> tree, KeyRange range, boolean descending, int element) {
        this.tree = tree;
        this.range = range;
        this.descending = descending;
        this.unboundedAscending = !descending && !range.boundedAbove();
        this.element = element;
        this.expectedModCount = tree.modCount();
        moveTo(descending ? range.highest() : range.lowest());
    }

    static <K, V> RangeIterator<K, V, K> keys(BTree<K, V> tree, KeyRange range, boolean descending) {
        return new RangeIterator<>(tree, range, descending, KEYS);
    }

    static <K, V> RangeIterator<K, V, V> values(BTree<K, V> tree, KeyRange range, boolean descending) {
        return new RangeIterator<>(tree, range, descending, VALUES);
    }

    static <K, V> RangeIterator<K, V, Map.Entry<K, V>> entries(BTree<K, V> tree, KeyRange range, boolean descending) {
        return new RangeIterator<>(tree, range, descending, ENTRIES);
    }

    @Override
    public boolean hasNext() {
        return index < limit || settledHasNext();
    }

    private boolean settledHasNext() {
        settle();
        return bucket != null;
    }

    /**
     * The next entry. Within a bucket of an ascending iteration with no upper bound this is a
     * counter step and the element; the move to the following bucket is left to
     * {@link #hasNext()} (or to the slow path): so each method stays small enough for the JIT to
     * inline both into the caller's loop and drop the entry objects the loop only unpacks.
     */
    @Override
    public T next() {
        int at = index;
        if (at < limit && tree.modCount() == expectedModCount) {
            Bucket current = bucket;
            index = at + 1;
            lastBucket = current;
            lastIndex = at;
            return element(current, at);
        }
        return nextSlowly();
    }

    /** {@link #next()} in every other case: the end, a change to the tree, our own remove(). */
    private T nextSlowly() {
        settle();
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
        T result = element(bucket, index);
        advance();
        return result;
    }

    /**
     * Makes {@code (bucket, index)} the next entry again where {@link #next()} left the move past
     * the end of a bucket pending ({@code index == limit}).
     */
    private void settle() {
        if (limit > 0 && index >= limit) {
            index = limit - 1; // the entry last returned
            limit = 0;
            advance();
        }
    }

    @SuppressWarnings("unchecked")
    private T element(Bucket at, int slot) {
        return switch (element) {
            case KEYS -> (T) at.keyAt(slot);
            case VALUES -> (T) at.valueAt(slot);
            default -> (T) at.entryAt(tree, slot);
        };
    }

    @Override
    public void remove() {
        if (lastBucket == null) {
            throw new IllegalStateException("next() has not been called, or remove() already was");
        }
        if (tree.modCount() != expectedModCount) {
            throw new ConcurrentModificationException();
        }
        settle();
        if (bucket != null && relocateTo == null) {
            relocateTo = bucket.keyAt(index);
        }
        limit = 0; // the next next() relocates
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
            limit = 0;
            return;
        }
        bucket = slot.bucket();
        index = slot.index();
        limit = unboundedAscending ? bucket.size() : 0;
    }

    /** Whether the range bounds the side the iteration moves towards. */
    private boolean bounded() {
        return descending ? range.boundedBelow() : range.boundedAbove();
    }

    private boolean outside(Object key) {
        return descending ? range.tooLow(key) : range.tooHigh(key);
    }
}
