package org.jodb.tracking;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jodb.cache.PersistentObject;

/**
 * A {@code HashMap} decoded from a record, which marks its owner CHANGED after every call that
 * changed its contents: the mutators, {@code compute*}/{@code merge}, and removals and
 * {@code Map.Entry.setValue} through its key, value and entry views (whose iterators,
 * {@code toArray}, {@code forEach} and streams hand out tracked entries). A call that changed
 * nothing ({@code computeIfAbsent} of a present key, {@code put} of the value already mapped)
 * marks nothing. {@code clone()} and Java serialization give a plain {@code HashMap}.
 * Not thread-safe, like {@code HashMap}.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class TrackedHashMap<K, V> extends HashMap<K, V> implements Tracked {
    private static final long serialVersionUID = 1L;

    private transient PersistentObject owner;

    /** An empty map with room for {@code capacity} mappings, tracking nothing until {@link #trackChangesOf}. */
    public TrackedHashMap(int capacity) {
        super(capacity);
    }

    @Override
    public void trackChangesOf(PersistentObject owner) {
        this.owner = owner;
    }

    @Override
    public boolean tracksEveryChangeOf(PersistentObject object) {
        return owner == object;
    }

    @Override
    public V put(K key, V value) {
        int size = size();
        V previous = super.put(key, value);
        OwnerNotice.changedIf(owner, previous != value || size() != size);
        return previous;
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> entries) {
        super.putAll(entries);
        OwnerNotice.changedIf(owner, !entries.isEmpty());
    }

    @Override
    public V remove(Object key) {
        int size = size();
        V previous = super.remove(key);
        OwnerNotice.changedIf(owner, size() != size);
        return previous;
    }

    @Override
    public boolean remove(Object key, Object value) {
        return OwnerNotice.changedIf(owner, super.remove(key, value));
    }

    @Override
    public void clear() {
        if (!isEmpty()) {
            super.clear();
            OwnerNotice.changed(owner);
        }
    }

    @Override
    public V putIfAbsent(K key, V value) {
        int size = size();
        V previous = super.putIfAbsent(key, value);
        OwnerNotice.changedIf(owner, size() != size || previous == null && value != null);
        return previous;
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        return OwnerNotice.changedIf(owner, super.replace(key, oldValue, newValue) && oldValue != newValue);
    }

    @Override
    public V replace(K key, V value) {
        V previous = super.replace(key, value);
        OwnerNotice.changedIf(owner, previous != value && containsKey(key));
        return previous;
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mapping) {
        return computed(key, () -> super.computeIfAbsent(key, mapping));
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
        return computed(key, () -> super.computeIfPresent(key, remapping));
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
        return computed(key, () -> super.compute(key, remapping));
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
        return computed(key, () -> super.merge(key, value, remapping));
    }

    /** Runs a {@code compute*} or {@code merge} call, reporting a change if the key's value or the size changed. */
    private V computed(K key, Supplier<V> call) {
        int size = size();
        V before = get(key);
        V after = call.get();
        OwnerNotice.changedIf(owner, after != before || size() != size);
        return after;
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        super.replaceAll(function);
        OwnerNotice.changedIf(owner, !isEmpty());
    }

    @Override
    public Set<K> keySet() {
        return new TrackedSet<>(super.keySet(), owner, null);
    }

    @Override
    public Collection<V> values() {
        return new TrackedCollection<>(super.values(), owner, null);
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new TrackedSet<>(super.entrySet(), owner, entry -> new TrackedEntry<>(entry, owner));
    }

    /** A plain {@code HashMap} with the same mappings: a copy belongs to no record. */
    @Override
    public Object clone() {
        return new HashMap<>(this);
    }

    /** Serialized as a plain {@code HashMap}. */
    private Object writeReplace() {
        return new HashMap<>(this);
    }
}
