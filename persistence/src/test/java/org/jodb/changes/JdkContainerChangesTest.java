package org.jodb.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.Stack;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Vector;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jodb.changes.model.Color;
import org.jodb.changes.model.Counter;
import org.jodb.changes.model.ValueHolder;
import org.jodb.tracking.Tracked;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A change inside any commonly used {@code java.util} (and {@code java.util.concurrent})
 * collection or map held in a field is committed, whether the class is tracked or compared at
 * commit: each container is stored, changed in a transaction of a newly opened database, and read
 * back by another; and a container that was only read (iterated, queried) is not rewritten, even
 * those whose iteration order after a reload depends on identity hashes or heap order.
 */
class JdkContainerChangesTest {
    @TempDir
    Path directory;
    private DatabaseFile file;

    @BeforeEach
    void storeACounter() {
        file = new DatabaseFile(directory);
        file.store("counter", new Counter());
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                change("ArrayDeque addFirst", () -> new ArrayDeque<>(List.of("a", "b")), (Deque<String> d) -> d.addFirst("z")),
                change("ArrayDeque pollLast", () -> new ArrayDeque<>(List.of("a", "b")), Deque<String>::pollLast),
                change("ArrayDeque removeIf", () -> new ArrayDeque<>(List.of("a", "b")), (Deque<String> d) -> d.removeIf("a"::equals)),
                change("LinkedList push", () -> new LinkedList<>(List.of("a", "b")), (LinkedList<String> l) -> l.push("z")),
                change("LinkedList set", () -> new LinkedList<>(List.of("a", "b")), (LinkedList<String> l) -> l.set(1, "z")),
                change("LinkedList removeLastOccurrence", () -> new LinkedList<>(List.of("a", "b", "a")),
                        (LinkedList<String> l) -> l.removeLastOccurrence("a")),
                change("PriorityQueue offer", () -> new PriorityQueue<>(List.of(3, 1)), (PriorityQueue<Integer> q) -> q.offer(2)),
                change("PriorityQueue poll", () -> new PriorityQueue<>(List.of(3, 1)), PriorityQueue<Integer>::poll),
                change("Vector add", () -> new Vector<>(List.of("a")), (Vector<String> v) -> v.add("b")),
                change("Stack push", () -> stack("a"), (Stack<String> s) -> s.push("b")),
                change("CopyOnWriteArrayList set", () -> new CopyOnWriteArrayList<>(List.of("a", "b")),
                        (CopyOnWriteArrayList<String> l) -> l.set(0, "z")),
                change("CopyOnWriteArraySet remove", () -> new CopyOnWriteArraySet<>(List.of("a", "b")),
                        (CopyOnWriteArraySet<String> s) -> s.remove("a")),
                change("LinkedHashSet add", () -> new LinkedHashSet<>(List.of("b", "a")), (LinkedHashSet<String> s) -> s.add("c")),
                change("LinkedHashSet re-insertion order", () -> new LinkedHashSet<>(List.of("b", "a")), (LinkedHashSet<String> s) -> {
                    s.remove("b");
                    s.add("b");
                }),
                change("TreeSet pollFirst", () -> new TreeSet<>(List.of("a", "b")), TreeSet<String>::pollFirst),
                change("TreeSet headSet clear", () -> new TreeSet<>(List.of("a", "b", "c")), (TreeSet<String> s) -> s.headSet("c").clear()),
                change("EnumSet add", () -> EnumSet.of(Color.RED), (EnumSet<Color> s) -> s.add(Color.BLUE)),
                change("ConcurrentSkipListSet add", () -> new ConcurrentSkipListSet<>(List.of("a")),
                        (ConcurrentSkipListSet<String> s) -> s.add("b")),
                change("LinkedHashMap put", () -> new LinkedHashMap<>(Map.of("a", 1)), (LinkedHashMap<String, Integer> m) -> m.put("b", 2)),
                change("LinkedHashMap entry setValue", () -> new LinkedHashMap<>(Map.of("a", 1)),
                        (LinkedHashMap<String, Integer> m) -> m.entrySet().iterator().next().setValue(5)),
                change("TreeMap merge", () -> new TreeMap<>(Map.of("a", 1)), (TreeMap<String, Integer> m) -> m.merge("a", 1, Integer::sum)),
                change("TreeMap pollFirstEntry", () -> new TreeMap<>(Map.of("a", 1, "b", 2)), TreeMap<String, Integer>::pollFirstEntry),
                change("TreeMap descendingMap put", () -> new TreeMap<>(Map.of("a", 1)),
                        (TreeMap<String, Integer> m) -> m.descendingMap().put("c", 3)),
                change("EnumMap put", () -> new EnumMap<>(Map.of(Color.RED, 1)), (EnumMap<Color, Integer> m) -> m.put(Color.GREEN, 2)),
                change("IdentityHashMap remove", () -> new IdentityHashMap<>(Map.of(Color.RED, 1, Color.BLUE, 2)),
                        (IdentityHashMap<Color, Integer> m) -> m.remove(Color.RED)),
                change("Hashtable put", () -> new Hashtable<>(Map.of("a", 1)), (Hashtable<String, Integer> m) -> m.put("a", 7)),
                change("Properties setProperty", ValueFactories::properties, (Properties p) -> p.setProperty("k", "w")),
                change("ConcurrentHashMap compute", () -> new ConcurrentHashMap<>(Map.of("a", 1)),
                        (ConcurrentHashMap<String, Integer> m) -> m.compute("a", (k, v) -> v + 1)),
                change("ConcurrentSkipListMap remove", () -> new ConcurrentSkipListMap<>(Map.of("a", 1, "b", 2)),
                        (ConcurrentSkipListMap<String, Integer> m) -> m.remove("b")),
                change("Arrays.asList set", () -> Arrays.asList("a", "b"), (List<String> l) -> l.set(0, "z")),
                change("int[] in an ArrayDeque", () -> new ArrayDeque<>(List.of(new int[] {1, 2})),
                        (ArrayDeque<int[]> d) -> d.peekFirst()[1] = 7),
                change("ArrayList in a TreeMap", () -> new TreeMap<>(Map.of("a", new ArrayList<>(List.of(1)))),
                        (TreeMap<String, List<Integer>> m) -> m.get("a").add(2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aChangeInsideAJdkContainerIsCommitted(String name, Supplier<Object> create, Consumer<Object> change) {
        Object stored = create.get();
        Object expected = create.get();
        change.accept(expected);
        assertNotEquals(describe(stored), describe(expected), "the change must change something");
        file.store("holder", new ValueHolder(stored));

        file.change("holder", ValueHolder.class, holder -> change.accept(holder.value()));

        assertEquals(describe(expected), file.read("holder", ValueHolder.class, holder -> describe(holder.value())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aJdkContainerOnlyReadIsNotRewritten(String name, Supplier<Object> create, Consumer<Object> change) {
        file.store("holder", new ValueHolder(create.get()));
        long stored = file.serialOf("holder");

        file.transact(connection -> {
            Object container = ((ValueHolder) connection.root().get("holder")).value();
            Reading.touch(container);
            describe(container);
            ((Counter) connection.root().get("counter")).increment();
        });

        assertEquals(1, file.read("counter", Counter.class, Counter::count), "the transaction committed");
        assertEquals(stored, file.serialOf("holder"), name + ": only read, yet rewritten");
    }

    static Stream<Arguments> hashedMaps() {
        return Stream.of(
                Arguments.of("IdentityHashMap", (Supplier<Map<Object, Integer>>) IdentityHashMap::new),
                Arguments.of("Hashtable", (Supplier<Map<Object, Integer>>) Hashtable::new),
                Arguments.of("ConcurrentHashMap", (Supplier<Map<Object, Integer>>) ConcurrentHashMap::new));
    }

    /**
     * The hard case of the above: keys hashed by identity (persistent objects without
     * {@code hashCode}), which a reload gives new instances of, so the map iterates in another order.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hashedMaps")
    void aHashedMapKeyedByPersistentObjectsOnlyReadIsNotRewritten(String name, Supplier<Map<Object, Integer>> create) {
        Map<Object, Integer> map = create.get();
        for (int i = 0; i < 300; i++) {
            map.put(new Counter(), i);
        }
        file.store("holder", new ValueHolder(map));
        long stored = file.serialOf("holder");

        file.transact(connection -> {
            Reading.touch(((ValueHolder) connection.root().get("holder")).value());
            ((Counter) connection.root().get("counter")).increment();
        });

        assertEquals(1, file.read("counter", Counter.class, Counter::count), "the transaction committed");
        assertEquals(stored, file.serialOf("holder"), name + ": only read, yet rewritten");
    }

    /**
     * What a container holds, comparable across databases: its class and contents, in its
     * iteration order where that order is part of its value, else sorted; arrays as lists.
     */
    static String describe(Object value) {
        if (value instanceof int[] numbers) {
            return Arrays.toString(numbers);
        }
        if (value instanceof PriorityQueue<?> queue) {
            return "PriorityQueue" + sorted(queue.stream().map(JdkContainerChangesTest::describe).toList());
        }
        if (value instanceof Collection<?> collection) {
            List<String> elements = collection.stream().map(JdkContainerChangesTest::describe).toList();
            boolean ordered = collection instanceof List || collection instanceof Deque
                    || collection instanceof LinkedHashSet || collection instanceof java.util.SortedSet;
            return storedName(value) + (ordered ? elements : sorted(elements));
        }
        if (value instanceof Map<?, ?> map) {
            List<String> entries = new ArrayList<>();
            map.forEach((key, element) -> entries.add(describe(key) + "=" + describe(element)));
            boolean ordered = map instanceof LinkedHashMap || map instanceof java.util.SortedMap || map instanceof EnumMap;
            return storedName(value) + (ordered ? entries : sorted(entries));
        }
        return String.valueOf(value);
    }

    /** The simple name of the class a container is stored as (a tracked one as the class it extends). */
    private static String storedName(Object container) {
        Class<?> type = container.getClass();
        return (container instanceof Tracked ? type.getSuperclass() : type).getSimpleName();
    }

    private static List<String> sorted(List<String> elements) {
        return elements.stream().sorted().toList();
    }

    private static Stack<String> stack(String... elements) {
        Stack<String> stack = new Stack<>();
        stack.addAll(List.of(elements));
        return stack;
    }

    @SuppressWarnings("unchecked")
    private static <C> Arguments change(String name, Supplier<? extends C> create, Consumer<? super C> change) {
        return Arguments.of(name, create, (Consumer<Object>) (Consumer<?>) change);
    }

    /** Containers that take more than an expression to build. */
    static final class ValueFactories {
        private ValueFactories() {
        }

        static Properties properties() {
            Properties properties = new Properties();
            properties.setProperty("k", "v");
            return properties;
        }
    }
}
