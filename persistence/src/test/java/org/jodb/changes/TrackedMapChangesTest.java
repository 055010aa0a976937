package org.jodb.changes;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jodb.changes.model.CollectionsHolder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way to change a loaded {@code HashMap} (a tracked one) is committed, with nothing compared
 * at commit: the mutators, {@code compute*} and {@code merge}, and the key, value and entry views
 * ({@code setValue} through iteration, {@code forEach}, streams and {@code toArray} included). Uses
 * that change nothing do not rewrite the owner.
 */
class TrackedMapChangesTest extends WithTrackedHolder {
    @SuppressWarnings("unchecked")
    static Stream<Arguments> changes() {
        return Stream.of(
                change("put of a new key", map -> map.put("w", 0)),
                change("put of another value", map -> map.put("x", 9)),
                change("put of a null value", map -> map.put("x", null)),
                change("putAll", map -> map.putAll(Map.of("x", 5, "v", 6))),
                change("remove", map -> map.remove("y")),
                change("remove of a key and value", map -> map.remove("y", 2)),
                change("clear", Map::clear),
                change("putIfAbsent", map -> map.putIfAbsent("w", 0)),
                change("replace", map -> map.replace("x", 7)),
                change("replace of a value", map -> map.replace("x", 1, 7)),
                change("computeIfAbsent", map -> map.computeIfAbsent("w", String::length)),
                change("computeIfPresent", map -> map.computeIfPresent("x", (key, value) -> value + 10)),
                change("computeIfPresent that removes", map -> map.computeIfPresent("x", (key, value) -> null)),
                change("compute", map -> map.compute("z", (key, value) -> value * 10)),
                change("merge", map -> map.merge("x", 5, Integer::sum)),
                change("replaceAll", map -> map.replaceAll((key, value) -> -value)),
                change("keySet remove", map -> map.keySet().remove("x")),
                change("keySet removeIf", map -> map.keySet().removeIf("z"::equals)),
                change("keySet retainAll", map -> map.keySet().retainAll(List.of("x"))),
                change("keySet removeAll", map -> map.keySet().removeAll(List.of("x"))),
                change("keySet clear", map -> map.keySet().clear()),
                change("keySet iterator remove", map -> {
                    Iterator<String> keys = map.keySet().iterator();
                    keys.next();
                    keys.remove();
                }),
                change("values remove", map -> map.values().remove(2)),
                change("values removeIf", map -> map.values().removeIf(value -> value > 1)),
                change("entrySet removeIf", map -> map.entrySet().removeIf(entry -> entry.getValue() == 3)),
                change("entrySet remove", map -> map.entrySet().remove(Map.entry("x", 1))),
                change("entrySet iterator remove", map -> {
                    Iterator<Map.Entry<String, Integer>> entries = map.entrySet().iterator();
                    entries.next();
                    entries.remove();
                }),
                change("setValue in iteration", map -> {
                    for (Map.Entry<String, Integer> entry : map.entrySet()) {
                        entry.setValue(entry.getValue() + 100);
                    }
                }),
                change("setValue in entrySet forEach", map -> map.entrySet().forEach(entry -> entry.setValue(0))),
                change("setValue in a stream", map -> map.entrySet().stream()
                        .filter(entry -> entry.getKey().equals("y")).forEach(entry -> entry.setValue(0))),
                change("setValue through toArray", map -> ((Map.Entry<String, Integer>) map.entrySet().toArray()[0]).setValue(-1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aChangeToAMapIsCommitted(String name, Consumer<Map<String, Integer>> change) {
        file.assertCommitted(CollectionsHolder::map, change);
    }

    static Stream<Arguments> uses() {
        return Stream.of(
                change("get, containsKey, containsValue, size", map -> {
                    map.get("x");
                    map.getOrDefault("w", 0);
                    map.containsKey("y");
                    map.containsValue(3);
                    map.size();
                }),
                change("forEach", map -> map.forEach((key, value) -> key.length())),
                change("entry iteration", map -> {
                    for (Map.Entry<String, Integer> entry : map.entrySet()) {
                        entry.getKey().length();
                        entry.getValue().intValue();
                    }
                }),
                change("key and value iteration and streams", map -> {
                    map.keySet().forEach(String::length);
                    map.values().stream().mapToInt(Integer::intValue).sum();
                    map.entrySet().stream().count();
                }),
                change("put of the mapped value", map -> map.put("x", map.get("x"))),
                change("putIfAbsent of a present key", map -> map.putIfAbsent("x", 5)),
                change("computeIfAbsent of a present key", map -> map.computeIfAbsent("x", key -> 5)),
                change("computeIfPresent of an absent key", map -> map.computeIfPresent("w", (key, value) -> 5)),
                change("remove of an absent key", map -> map.remove("w")),
                change("replace of an absent key", map -> map.replace("w", 5)),
                change("setValue of the same value", map -> map.entrySet().iterator().next().setValue(
                        map.get(map.keySet().iterator().next()))),
                change("equals, hashCode, toString", map -> {
                    map.equals(Map.of());
                    map.hashCode();
                    map.toString();
                    map.keySet().equals(map.keySet());
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uses")
    void aUseThatChangesNothingDoesNotRewriteTheOwner(String name, Consumer<Map<String, Integer>> use) {
        file.assertNotRewritten(CollectionsHolder::map, use);
    }

    private static Arguments change(String name, Consumer<Map<String, Integer>> change) {
        return Arguments.of(name, change);
    }
}
