package org.jodb.btree;

import java.util.Map;
import java.util.Objects;

/**
 * An entry of a {@link LongBTree} handed out by its entry iterators: {@link TreeEntry} with the key
 * kept unboxed, boxed only when {@link #getKey()} asks. A loop that unpacks each entry right away
 * ({@code entry.getKey() ^ entry.getValue()}) then allocates nothing once the JIT has inlined the
 * iterator: the entry is dropped by escape analysis, and a key boxed and unboxed on the spot is
 * too, where a box made inside the iterator (by {@link Long#valueOf}, whose cached and new boxes
 * merge) is kept. {@link #setValue} writes to the tree.
 */
final class LongTreeEntry<V> implements Map.Entry<Long, V> {
    private final BTree<Long, V> tree;
    private final long key;
    private V value;

    LongTreeEntry(BTree<Long, V> tree, long key, V value) {
        this.tree = tree;
        this.key = key;
        this.value = value;
    }

    @Override
    public Long getKey() {
        return key;
    }

    @Override
    public V getValue() {
        return value;
    }

    @Override
    public V setValue(V newValue) {
        V previous = value;
        tree.putKey(key, newValue);
        value = newValue;
        return previous;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Map.Entry<?, ?> entry && Objects.equals(getKey(), entry.getKey())
                && Objects.equals(value, entry.getValue());
    }

    @Override
    public int hashCode() {
        return Long.hashCode(key) ^ Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
