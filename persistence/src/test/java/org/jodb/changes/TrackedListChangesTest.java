package org.jodb.changes;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jodb.changes.model.CollectionsHolder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way to change a loaded {@code ArrayList} (a tracked one) is committed, with nothing
 * compared at commit: the mutators, the iterators, the sub-list (which makes the owner compared),
 * the Java 21 methods (called by reflection, so that the test compiles for Java 17 too); and a
 * nested list in a map. Uses that change nothing do not rewrite the owner.
 */
class TrackedListChangesTest extends WithTrackedHolder {
    static Stream<Arguments> changes() {
        return Stream.of(
                change("add", list -> list.add("d")),
                change("add at an index", list -> list.add(1, "d")),
                change("addAll", list -> list.addAll(List.of("d", "e"))),
                change("addAll at an index", list -> list.addAll(0, List.of("d", "e"))),
                change("set", list -> list.set(2, "d")),
                change("remove at an index", list -> list.remove(0)),
                change("remove an element", list -> list.remove("a")),
                change("removeAll", list -> list.removeAll(Set.of("a", "b"))),
                change("retainAll", list -> list.retainAll(Set.of("a"))),
                change("removeIf", list -> list.removeIf("c"::equals)),
                change("replaceAll", list -> list.replaceAll(String::toUpperCase)),
                change("sort", list -> list.sort(Comparator.naturalOrder())),
                change("Collections.sort", Collections::sort),
                change("Collections.swap", list -> Collections.swap(list, 0, 2)),
                change("clear", List::clear),
                change("iterator remove", list -> {
                    Iterator<String> iterator = list.iterator();
                    iterator.next();
                    iterator.remove();
                }),
                change("listIterator set", list -> {
                    ListIterator<String> iterator = list.listIterator();
                    iterator.next();
                    iterator.set("d");
                }),
                change("listIterator add", list -> list.listIterator(1).add("d")),
                change("listIterator remove", list -> {
                    ListIterator<String> iterator = list.listIterator(3);
                    iterator.previous();
                    iterator.remove();
                }),
                change("subList set", list -> list.subList(1, 3).set(0, "d")),
                change("subList clear", list -> list.subList(0, 2).clear()),
                change("subList add", list -> list.subList(0, 1).add("d")),
                change("addFirst", list -> sequenced(list, "addFirst", () -> list.add(0, "d"), "d")),
                change("addLast", list -> sequenced(list, "addLast", () -> list.add("d"), "d")),
                change("removeFirst", list -> sequenced(list, "removeFirst", () -> list.remove(0))),
                change("removeLast", list -> sequenced(list, "removeLast", () -> list.remove(2))),
                change("reversed add", list -> reversed(list).add("d")),
                change("reversed removeFirst", list -> sequenced(reversed(list), "removeFirst", () -> list.remove(2))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aChangeToAListIsCommitted(String name, Consumer<List<String>> change) {
        file.assertCommitted(CollectionsHolder::list, change);
    }

    static Stream<Arguments> nestedChanges() {
        return Stream.of(
                Arguments.of("add", (Consumer<List<Integer>>) numbers -> numbers.add(7)),
                Arguments.of("set", (Consumer<List<Integer>>) numbers -> numbers.set(0, 7)),
                Arguments.of("remove", (Consumer<List<Integer>>) numbers -> numbers.remove(0)),
                Arguments.of("iterator remove", (Consumer<List<Integer>>) numbers -> numbers.removeIf(n -> n == 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nestedChanges")
    void aChangeToAListInAMapIsCommitted(String name, Consumer<List<Integer>> change) {
        file.assertCommitted(holder -> holder.nested().get("y"), change);
    }

    static Stream<Arguments> uses() {
        return Stream.of(
                change("get, size, contains, indexOf", list -> {
                    list.get(0);
                    list.size();
                    list.contains("a");
                    list.indexOf("c");
                }),
                change("for-each", list -> list.forEach(String::length)),
                change("iteration", list -> {
                    for (String element : list) {
                        element.length();
                    }
                }),
                change("stream", list -> list.stream().map(String::length).count()),
                change("listIterator without changes", list -> list.listIterator(3).previous()),
                change("set to the same element", list -> list.set(0, list.get(0))),
                change("remove of an absent element", list -> list.remove("absent")),
                change("removeIf that matches nothing", list -> list.removeIf("absent"::equals)),
                change("removeAll of absent elements", list -> list.removeAll(Set.of("absent"))),
                change("subList read", list -> list.subList(0, 2).get(1)),
                change("equals, hashCode, toString", list -> {
                    list.equals(List.of("b", "a", "c"));
                    list.hashCode();
                    list.toString();
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uses")
    void aUseThatChangesNothingDoesNotRewriteTheOwner(String name, Consumer<List<String>> use) {
        file.assertNotRewritten(CollectionsHolder::list, use);
    }

    private static Arguments change(String name, Consumer<List<String>> change) {
        return Arguments.of(name, change);
    }

    /** Java 21's {@code reversed()} view, or on an older JDK a list that changes {@code list} as that view would. */
    @SuppressWarnings("unchecked")
    private static List<String> reversed(List<String> list) {
        try {
            return (List<String>) List.class.getMethod("reversed").invoke(list);
        } catch (NoSuchMethodException e) {
            return new java.util.AbstractList<>() {
                @Override
                public String get(int index) {
                    return list.get(list.size() - 1 - index);
                }

                @Override
                public int size() {
                    return list.size();
                }

                @Override
                public void add(int index, String element) {
                    list.add(list.size() - index, element);
                }

                @Override
                public String remove(int index) {
                    return list.remove(list.size() - 1 - index);
                }
            };
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Calls one of Java 21's SequencedCollection methods by reflection (the test compiles for Java
     * 17), or, on a plain list of a JDK that lacks it, runs {@code equivalent}.
     */
    private static void sequenced(List<String> list, String method, Runnable equivalent, Object... arguments) {
        Class<?>[] types = new Class<?>[arguments.length];
        Arrays.fill(types, Object.class);
        Method found;
        try {
            found = list.getClass().getMethod(method, types);
        } catch (NoSuchMethodException e) {
            equivalent.run();
            return;
        }
        try {
            found.invoke(list, arguments);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(method + " of " + list.getClass().getName(), e);
        }
    }
}
