package org.jodb.changes.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jodb.Persistent;

/**
 * Only collections whose decoded versions track their changes (an {@code ArrayList}, a
 * {@code HashSet}, a {@code HashMap}, and a {@code HashMap} of {@code ArrayList}s) holding
 * immutable values: once loaded, nothing of it is compared at commit, so a change its collections
 * do not report is lost.
 */
@Persistent
public class CollectionsHolder {
    private final List<String> list = new ArrayList<>();
    private final Set<String> set = new HashSet<>();
    private final Map<String, Integer> map = new HashMap<>();
    private final Map<String, List<Integer>> nested = new HashMap<>();

    public CollectionsHolder(List<String> elements, Map<String, Integer> entries) {
        list.addAll(elements);
        set.addAll(elements);
        map.putAll(entries);
        entries.forEach((key, value) -> nested.put(key, new ArrayList<>(List.of(value, value + 1))));
    }

    public List<String> list() {
        return list;
    }

    public Set<String> set() {
        return set;
    }

    public Map<String, Integer> map() {
        return map;
    }

    public Map<String, List<Integer>> nested() {
        return nested;
    }
}
