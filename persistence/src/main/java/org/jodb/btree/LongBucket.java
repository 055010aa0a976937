package org.jodb.btree;

import java.util.Arrays;
import java.util.Map;
import org.jodb.Persistent;

/**
 * A {@link Bucket} of a {@link LongBTree}: its keys unboxed in a {@code long[]}, in memory and in
 * the record. The lookups a {@link LongBTree} makes with a {@code long} ({@link #search(long)})
 * never box.
 */
@Persistent(detectChanges = false)
final class LongBucket extends Bucket {
    private long[] keys;

    LongBucket(LongBTree<?> tree, int capacity) {
        this(tree, new long[Math.min(INITIAL_LENGTH, capacity)], new Object[Math.min(INITIAL_LENGTH, capacity)], 0,
                capacity);
    }

    private LongBucket(BTree<?, ?> tree, long[] keys, Object[] values, int size, int capacity) {
        super(tree, values, size, capacity);
        this.keys = keys;
    }

    /** The key's index, or {@code -(insertion point) - 1} as {@link Arrays#binarySearch}. */
    int search(long key) {
        return LongSearch.search(keys, size(), key);
    }

    /**
     * {@link #search(long)} for a lookup that came down the tree: {@code low} and {@code high} are
     * the separators around this bucket in its parent (its keys lie in {@code [low, high)}), or
     * {@link Long#MIN_VALUE} and {@link Long#MAX_VALUE} where there is none; the first probe is
     * interpolated between them, so it needs no key of this bucket's first.
     */
    int search(long key, long low, long high) {
        long[] keys = this.keys;
        int size = size();
        if (size == 0) {
            return -1;
        }
        long from = low == Long.MIN_VALUE ? keys[0] : low;
        long to = high == Long.MAX_VALUE ? keys[size - 1] : high;
        return LongSearch.searchFrom(keys, size, key, LongSearch.guess(key, from, to, size));
    }

    long longKeyAt(int index) {
        return keys[index];
    }

    @Override
    Object keys() {
        return keys;
    }

    @Override
    void setKeys(Object keys) {
        this.keys = (long[]) keys;
    }

    @Override
    Object newKeys(int length) {
        return new long[length];
    }

    @Override
    Bucket newBucket(Object keys, Object[] values, int size, int capacity) {
        return new LongBucket(tree(), (long[]) keys, values, size, capacity);
    }

    @Override
    Object keyAt(int index) {
        return keys[index];
    }

    /** The entry with its key unboxed ({@link LongTreeEntry}), for iterators. */
    @Override
    @SuppressWarnings("unchecked")
    <K, V> Map.Entry<K, V> entryAt(BTree<K, V> tree, int index) {
        return (Map.Entry<K, V>) new LongTreeEntry<>((BTree<Long, V>) tree, keys[index], (V) valueAt(index));
    }

    @Override
    void setKey(Object keys, int index, Object key) {
        ((long[]) keys)[index] = (Long) key;
    }

    @Override
    int search(Object key) {
        return search(((Long) key).longValue());
    }

    @Override
    int compareKeys(Object a, int i, Object b, int j) {
        return Long.compare(((long[]) a)[i], ((long[]) b)[j]);
    }

    @Override
    boolean sameOrder(Bucket other) {
        return other instanceof LongBucket;
    }
}
