package org.jodb.btree;

import java.util.Map;
import java.util.Objects;

/** An entry handed out by a tree's entry iterators: {@link #setValue} writes to the tree. */
final class TreeEntry<K, V> implements Map.Entry<K, V> {
    private final BTree<K, V> tree;
    private final K key;
    private V value;

    TreeEntry(BTree<K, V> tree, K key, V value) {
        this.tree = tree;
        this.key = key;
        this.value = value;
    }

    @Override
    public K getKey() {
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
        return other instanceof Map.Entry && Objects.equals(key, ((Map.Entry<?, ?>) other).getKey())
                && Objects.equals(value, ((Map.Entry<?, ?>) other).getValue());
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(key) ^ Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
