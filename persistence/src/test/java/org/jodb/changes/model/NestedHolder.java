package org.jodb.changes.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jodb.Persistent;

/** Collections inside collections: a map of lists, a list of lists, a map of maps. */
@Persistent
public class NestedHolder {
    private final Map<String, List<Integer>> scores = new HashMap<>();
    private final List<List<String>> rows = new ArrayList<>();
    private final Map<String, Map<String, Integer>> tables = new TreeMap<>();

    public NestedHolder() {
        scores.put("ann", new ArrayList<>(List.of(1, 2)));
        rows.add(new ArrayList<>(List.of("a", "b")));
        rows.add(new ArrayList<>(List.of("c")));
        tables.put("stock", new HashMap<>(Map.of("apples", 3)));
    }

    public Map<String, List<Integer>> scores() {
        return scores;
    }

    public List<List<String>> rows() {
        return rows;
    }

    public Map<String, Map<String, Integer>> tables() {
        return tables;
    }
}
