package org.jodb.btree;

import java.util.Map;
import java.util.Objects;

/** An entry handed out by a tree's entry iterators: {@link #setValue} writes to the tree. */
final class TreeEntry<V> implements Map.Entry<Long, V> {
    private final LongBTree<V> tree;
    private final long key;
    private V value;

    TreeEntry(LongBTree<V> tree, long key, V value) {
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
        tree.put(key, newValue);
        value = newValue;
        return previous;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Map.Entry && Objects.equals(key, ((Map.Entry<?, ?>) other).getKey())
                && Objects.equals(value, ((Map.Entry<?, ?>) other).getValue());
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
