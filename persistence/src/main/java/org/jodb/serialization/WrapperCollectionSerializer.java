package org.jodb.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The {@code Collections.unmodifiable*}, {@code synchronized*} and sorted {@code empty*} views.
 * Their backing collection sits in private fields of {@code java.util}, which the unnamed module
 * cannot open, so a view is stored as a copy of its contents (sorted ones with their comparator)
 * and rebuilt by wrapping that copy in the same kind of view. A view and its backing collection
 * held in the same record therefore come back as two independent collections.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
final class WrapperCollectionSerializer extends Serializer<Object> {
    private static final Map<Class<?>, WrapperCollectionSerializer> BY_CLASS = new IdentityHashMap<>();

    static {
        add(Collections.unmodifiableCollection(new ArrayList<>()), c -> new ArrayList<>((Collection) c),
                c -> Collections.unmodifiableCollection((Collection) c));
        add(Collections.unmodifiableList(new ArrayList<>()), c -> new ArrayList<>((List) c),
                c -> Collections.unmodifiableList((List) c));
        add(Collections.unmodifiableList(new LinkedList<>()), c -> new LinkedList<>((List) c),
                c -> Collections.unmodifiableList((List) c));
        add(Collections.unmodifiableSet(new HashSet<>()), c -> new LinkedHashSet<>((Set) c),
                c -> Collections.unmodifiableSet((Set) c));
        add(Collections.unmodifiableSortedSet(new TreeSet<>()), c -> new TreeSet<>((SortedSet) c),
                c -> Collections.unmodifiableSortedSet((SortedSet) c));
        add(Collections.unmodifiableNavigableSet(new TreeSet<>()), c -> new TreeSet<>((SortedSet) c),
                c -> Collections.unmodifiableNavigableSet((NavigableSet) c));
        add(Collections.unmodifiableMap(new HashMap<>()), c -> new LinkedHashMap<>((Map) c),
                c -> Collections.unmodifiableMap((Map) c));
        add(Collections.unmodifiableSortedMap(new TreeMap<>()), c -> new TreeMap<>((SortedMap) c),
                c -> Collections.unmodifiableSortedMap((SortedMap) c));
        add(Collections.unmodifiableNavigableMap(new TreeMap<>()), c -> new TreeMap<>((SortedMap) c),
                c -> Collections.unmodifiableNavigableMap((NavigableMap) c));
        add(Collections.synchronizedCollection(new ArrayList<>()), c -> new ArrayList<>((Collection) c),
                c -> Collections.synchronizedCollection((Collection) c));
        add(Collections.synchronizedList(new ArrayList<>()), c -> new ArrayList<>((List) c),
                c -> Collections.synchronizedList((List) c));
        add(Collections.synchronizedList(new LinkedList<>()), c -> new LinkedList<>((List) c),
                c -> Collections.synchronizedList((List) c));
        add(Collections.synchronizedSet(new HashSet<>()), c -> new LinkedHashSet<>((Set) c),
                c -> Collections.synchronizedSet((Set) c));
        add(Collections.synchronizedSortedSet(new TreeSet<>()), c -> new TreeSet<>((SortedSet) c),
                c -> Collections.synchronizedSortedSet((SortedSet) c));
        add(Collections.synchronizedNavigableSet(new TreeSet<>()), c -> new TreeSet<>((SortedSet) c),
                c -> Collections.synchronizedNavigableSet((NavigableSet) c));
        add(Collections.synchronizedMap(new HashMap<>()), c -> new LinkedHashMap<>((Map) c),
                c -> Collections.synchronizedMap((Map) c));
        add(Collections.synchronizedSortedMap(new TreeMap<>()), c -> new TreeMap<>((SortedMap) c),
                c -> Collections.synchronizedSortedMap((SortedMap) c));
        add(Collections.synchronizedNavigableMap(new TreeMap<>()), c -> new TreeMap<>((SortedMap) c),
                c -> Collections.synchronizedNavigableMap((NavigableMap) c));
        // the sorted empty views are singletons of their own classes; they have no contents
        add(Collections.emptyNavigableSet(), c -> new TreeSet<>(), c -> Collections.emptyNavigableSet());
        add(Collections.emptyNavigableMap(), c -> new TreeMap<>(), c -> Collections.emptyNavigableMap());
    }

    private final UnaryOperator<Object> copy;
    private final UnaryOperator<Object> wrap;

    private WrapperCollectionSerializer(UnaryOperator<Object> copy, UnaryOperator<Object> wrap) {
        super(false, true);
        this.copy = copy;
        this.wrap = wrap;
    }

    private static void add(Object sample, UnaryOperator<Object> copy, UnaryOperator<Object> wrap) {
        BY_CLASS.putIfAbsent(sample.getClass(), new WrapperCollectionSerializer(copy, wrap));
    }

    /** The serializer for one of the view classes, or null for any other class. */
    static Serializer<?> forClass(Class<?> type) {
        return BY_CLASS.get(type);
    }

    @Override
    public void write(Kryo kryo, Output output, Object view) {
        kryo.writeClassAndObject(output, copy.apply(view));
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        return wrap.apply(kryo.readClassAndObject(input));
    }
}
