package org.jodb.tracking;

import java.util.Map;
import org.jodb.cache.PersistentObject;

/** An entry of a tracked map handed out by its entry set: {@code setValue} is reported. */
final class TrackedEntry<K, V> implements Map.Entry<K, V> {
    private final Map.Entry<K, V> entry;
    private final PersistentObject owner;

    TrackedEntry(Map.Entry<K, V> entry, PersistentObject owner) {
        this.entry = entry;
        this.owner = owner;
    }

    @Override
    public K getKey() {
        return entry.getKey();
    }

    @Override
    public V getValue() {
        return entry.getValue();
    }

    @Override
    public V setValue(V value) {
        V previous = entry.setValue(value);
        if (previous != value) {
            OwnerNotice.changed(owner);
        }
        return previous;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || entry.equals(o);
    }

    @Override
    public int hashCode() {
        return entry.hashCode();
    }

    @Override
    public String toString() {
        return entry.toString();
    }
}
