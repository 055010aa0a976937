package org.jodb.changes;

import static org.jodb.changes.JdkContainerChangesTest.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.changes.model.Counter;
import org.jodb.changes.model.ValueHolder;
import org.jodb.tracking.Tracked;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A loaded {@code LinkedList} or {@code ArrayDeque} is tracked: every way to change it is
 * committed, also when the change is made in a later transaction through the container alone,
 * without using its owner (which a comparison at commit cannot see: the owner is not used in that
 * transaction); and a use that changes nothing does not rewrite the owner.
 */
class TrackedDequeChangesTest {
    @TempDir
    Path directory;
    private DatabaseFile file;

    @BeforeEach
    void storeACounter() {
        file = new DatabaseFile(directory);
        file.store("counter", new Counter());
    }

    static Stream<Arguments> changes() {
        return Stream.concat(dequeChanges(TrackedDequeChangesTest::linkedList), Stream.concat(
                dequeChanges(() -> new ArrayDeque<>(List.of("b", "a", "c"))), Stream.of(
                        listChange("set", list -> list.set(1, "d")),
                        listChange("add at an index", list -> list.add(1, "d")),
                        listChange("addAll at an index", list -> list.addAll(1, List.of("d", "e"))),
                        listChange("remove at an index", list -> list.remove(1)),
                        listChange("listIterator set", list -> {
                            ListIterator<String> iterator = list.listIterator();
                            iterator.next();
                            iterator.set("d");
                        }),
                        listChange("listIterator add", list -> list.listIterator(2).add("d")),
                        listChange("subList clear", list -> list.subList(0, 2).clear()),
                        listChange("subList set", list -> list.subList(1, 2).set(0, "d")),
                        listChange("replaceAll", list -> list.replaceAll(String::toUpperCase)),
                        listChange("sort", list -> list.sort(null)),
                        listChange("Collections.reverse", Collections::reverse))));
    }

    private static Stream<Arguments> dequeChanges(Supplier<Deque<String>> create) {
        String type = create.get().getClass().getSimpleName();
        return Stream.of(
                change(type, "add", create, deque -> deque.add("d")),
                change(type, "addAll", create, deque -> deque.addAll(List.of("d", "e"))),
                change(type, "addFirst", create, deque -> deque.addFirst("d")),
                change(type, "addLast", create, deque -> deque.addLast("d")),
                change(type, "offer", create, deque -> deque.offer("d")),
                change(type, "offerFirst", create, deque -> deque.offerFirst("d")),
                change(type, "offerLast", create, deque -> deque.offerLast("d")),
                change(type, "push", create, deque -> deque.push("d")),
                change(type, "pop", create, Deque::pop),
                change(type, "poll", create, Deque::poll),
                change(type, "pollFirst", create, Deque::pollFirst),
                change(type, "pollLast", create, Deque::pollLast),
                change(type, "remove", create, Deque::remove),
                change(type, "removeFirst", create, Deque::removeFirst),
                change(type, "removeLast", create, Deque::removeLast),
                change(type, "remove an element", create, deque -> deque.remove("a")),
                change(type, "removeFirstOccurrence", create, deque -> deque.removeFirstOccurrence("c")),
                change(type, "removeLastOccurrence", create, deque -> deque.removeLastOccurrence("b")),
                change(type, "removeIf", create, deque -> deque.removeIf("a"::equals)),
                change(type, "removeAll", create, deque -> deque.removeAll(Set.of("a", "b"))),
                change(type, "retainAll", create, deque -> deque.retainAll(Set.of("a"))),
                change(type, "clear", create, Deque::clear),
                change(type, "iterator remove", create, deque -> removeSecond(deque.iterator())),
                change(type, "descendingIterator remove", create, deque -> removeSecond(deque.descendingIterator())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aChangeToATrackedDequeIsCommitted(String name, Supplier<Collection<String>> create, Consumer<Collection<String>> change) {
        String expected = expected(create, change);
        file.store("holder", new ValueHolder(create.get()));

        file.change("holder", ValueHolder.class, holder -> {
            assertInstanceOf(Tracked.class, holder.value());
            change.accept(container(holder));
        });

        assertEquals(expected, file.read("holder", ValueHolder.class, holder -> describe(holder.value())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aChangeInALaterTransactionThroughTheContainerAloneIsCommitted(String name, Supplier<Collection<String>> create,
            Consumer<Collection<String>> change) {
        String expected = expected(create, change);
        file.store("holder", new ValueHolder(create.get()));

        try (Database db = Database.open(directory.resolve("changes.jodb")); Connection connection = db.open()) {
            Collection<String> kept = container((ValueHolder) connection.root().get("holder"));
            connection.commit(); // the owner is not used again: only the kept container is changed
            change.accept(kept);
            connection.commit();
        }

        assertEquals(expected, file.read("holder", ValueHolder.class, holder -> describe(holder.value())));
    }

    static Stream<Arguments> uses() {
        return Stream.of(linkedList(), new ArrayDeque<>(List.of("b", "a", "c"))).map(stored -> Arguments.of(
                stored.getClass().getSimpleName(), (Supplier<Collection<String>>) () -> stored,
                (Consumer<Collection<String>>) deque -> {
                    Deque<String> d = (Deque<String>) deque;
                    d.peekFirst();
                    d.peekLast();
                    d.contains("a");
                    d.forEach(String::length);
                    d.descendingIterator().next();
                    d.stream().count();
                    d.remove("absent");
                    d.removeIf("absent"::equals);
                    d.removeAll(Set.of("absent"));
                    d.toString();
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uses")
    void aUseThatChangesNothingDoesNotRewriteTheOwner(String name, Supplier<Collection<String>> create,
            Consumer<Collection<String>> use) {
        file.store("holder", new ValueHolder(create.get()));
        long stored = file.serialOf("holder");

        file.transact(connection -> {
            use.accept(container((ValueHolder) connection.root().get("holder")));
            ((Counter) connection.root().get("counter")).increment();
        });

        assertEquals(1, file.read("counter", Counter.class, Counter::count), "the transaction committed");
        assertEquals(stored, file.serialOf("holder"));
    }

    private static String expected(Supplier<Collection<String>> create, Consumer<Collection<String>> change) {
        Collection<String> plain = create.get();
        String stored = describe(plain);
        change.accept(plain);
        assertNotEquals(stored, describe(plain), "the change must change something");
        return describe(plain);
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> container(ValueHolder holder) {
        return (Collection<String>) holder.value();
    }

    private static LinkedList<String> linkedList() {
        return new LinkedList<>(List.of("b", "a", "c"));
    }

    private static void removeSecond(Iterator<String> iterator) {
        iterator.next();
        iterator.next();
        iterator.remove();
    }

    private static Arguments listChange(String name, Consumer<List<String>> change) {
        return change("LinkedList", name, TrackedDequeChangesTest::linkedList, change);
    }

    @SuppressWarnings("unchecked")
    private static <C extends Collection<String>> Arguments change(String type, String name, Supplier<? extends C> create,
            Consumer<? super C> change) {
        return Arguments.of(type + " " + name, create, (Consumer<Collection<String>>) (Consumer<?>) change);
    }
}
