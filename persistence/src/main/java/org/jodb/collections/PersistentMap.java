package org.jodb.collections;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jodb.Persistent;
import org.jodb.cache.PersistentObject;

/**
 * A persistent map stored in one record, in insertion order: right for the root and for small
 * maps (up to a few thousand entries); a change rewrites the whole map.
 *
 * <p>Changes through this map's methods are tracked. The key, value and entry views are
 * read-only, so that no change can bypass tracking; mutable values held in the map (a plain
 * list, say) are not tracked; the commit finds a change made in one only by comparison (change
 * detection, on by default) if the map was used in the transaction: otherwise call
 * {@link PersistentObject#markChanged()} on the map after mutating one in place. Not thread-safe,
 * like every persistent object.
 *
 * @param <K> key type
 * @param <V> value type
 */
@Persistent
public class PersistentMap<K, V> implements Map<K, V> {
    private LinkedHashMap<K, V> entries = new LinkedHashMap<>();

    public PersistentMap() {
    }

    public PersistentMap(Map<? extends K, ? extends V> initial) {
        entries.putAll(initial);
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return entries.containsValue(value);
    }

    @Override
    public V get(Object key) {
        return entries.get(key);
    }

    @Override
    public V put(K key, V value) {
        StoredValues.requireStorable(value);
        V previous = entries.put(key, value);
        changed();
        return previous;
    }

    @Override
    public V remove(Object key) {
        if (!entries.containsKey(key)) {
            return null;
        }
        V previous = entries.remove(key);
        changed();
        return previous;
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> other) {
        other.values().forEach(StoredValues::requireStorable);
        entries.putAll(other);
        changed();
    }

    @Override
    public void clear() {
        entries.clear();
        changed();
    }

    /** A read-only view of the keys. */
    @Override
    public Set<K> keySet() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    /** A read-only view of the values. */
    @Override
    public Collection<V> values() {
        return Collections.unmodifiableCollection(entries.values());
    }

    /** A read-only view of the entries. */
    @Override
    public Set<Entry<K, V>> entrySet() {
        return Collections.unmodifiableMap(entries).entrySet();
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Map && entries.equals(other);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.toString();
    }

    private void changed() {
        ((PersistentObject) (Object) this).markChanged();
    }
}
