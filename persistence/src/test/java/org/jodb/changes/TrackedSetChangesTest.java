package org.jodb.changes;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jodb.changes.model.CollectionsHolder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way to change a loaded {@code HashSet} (a tracked one) is committed, with nothing compared
 * at commit; uses that change nothing, iteration included, do not rewrite the owner.
 */
class TrackedSetChangesTest extends WithTrackedHolder {
    static Stream<Arguments> changes() {
        return Stream.of(
                change("add", set -> set.add("d")),
                change("addAll", set -> set.addAll(List.of("a", "d"))),
                change("remove", set -> set.remove("a")),
                change("removeAll", set -> set.removeAll(List.of("a", "absent"))),
                change("retainAll", set -> set.retainAll(List.of("a"))),
                change("removeIf", set -> set.removeIf("b"::equals)),
                change("clear", Set::clear),
                change("iterator remove", set -> {
                    Iterator<String> iterator = set.iterator();
                    while (!iterator.next().equals("c")) {
                        continue;
                    }
                    iterator.remove();
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aChangeToASetIsCommitted(String name, Consumer<Set<String>> change) {
        file.assertCommitted(CollectionsHolder::set, change);
    }

    static Stream<Arguments> uses() {
        return Stream.of(
                change("contains, size", set -> {
                    set.contains("a");
                    set.size();
                }),
                change("iteration", set -> {
                    for (String element : set) {
                        element.length();
                    }
                }),
                change("stream", set -> set.stream().map(String::length).count()),
                change("add of a present element", set -> set.add("a")),
                change("remove of an absent element", set -> set.remove("absent")),
                change("retainAll of every element", set -> set.retainAll(List.of("a", "b", "c"))),
                change("equals, hashCode", set -> {
                    set.equals(Set.of("a"));
                    set.hashCode();
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uses")
    void aUseThatChangesNothingDoesNotRewriteTheOwner(String name, Consumer<Set<String>> use) {
        file.assertNotRewritten(CollectionsHolder::set, use);
    }

    private static Arguments change(String name, Consumer<Set<String>> change) {
        return Arguments.of(name, change);
    }
}
