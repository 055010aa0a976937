package org.jodb.btree;

import java.util.Comparator;
import org.jodb.Persistent;

/**
 * A {@link Bucket} of an {@link ObjectBTree}: its keys in an {@code Object[]}, in the order of the
 * tree's comparator, which the bucket stores too (a few bytes for an enum constant or a record
 * without fields) so that a merge can order the keys of the three states without reading the tree.
 */
@Persistent(detectChanges = false)
final class ObjectBucket extends Bucket {
    private Object[] keys;
    /** The tree's comparator; null for the keys' natural order. */
    private Comparator<Object> comparator;

    ObjectBucket(ObjectBTree<?, ?> tree, Comparator<Object> comparator, int capacity) {
        this(tree, comparator, new Object[Math.min(INITIAL_LENGTH, capacity)],
                new Object[Math.min(INITIAL_LENGTH, capacity)], 0, capacity);
    }

    private ObjectBucket(BTree<?, ?> tree, Comparator<Object> comparator, Object[] keys, Object[] values, int size,
                         int capacity) {
        super(tree, values, size, capacity);
        this.keys = keys;
        this.comparator = comparator;
    }

    @Override
    Object keys() {
        return keys;
    }

    @Override
    void setKeys(Object keys) {
        this.keys = (Object[]) keys;
    }

    @Override
    Object newKeys(int length) {
        return new Object[length];
    }

    @Override
    Bucket newBucket(Object keys, Object[] values, int size, int capacity) {
        return new ObjectBucket(tree(), comparator, (Object[]) keys, values, size, capacity);
    }

    @Override
    Object keyAt(int index) {
        return keys[index];
    }

    @Override
    void setKey(Object keys, int index, Object key) {
        ((Object[]) keys)[index] = key;
    }

    @Override
    int search(Object key) {
        Object[] sorted = keys;
        Comparator<Object> order = comparator;
        int low = 0;
        int high = size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int found = KeyOrder.compare(order, key, sorted[middle]);
            if (found > 0) {
                low = middle + 1;
            } else if (found < 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    @Override
    int compareKeys(Object a, int i, Object b, int j) {
        return KeyOrder.compare(comparator, ((Object[]) a)[i], ((Object[]) b)[j]);
    }

    @Override
    boolean sameOrder(Bucket other) {
        return other instanceof ObjectBucket && KeyOrder.sameClass(comparator, ((ObjectBucket) other).comparator);
    }
}
