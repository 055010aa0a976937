package org.jodb.changes.model;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jodb.Persistent;

/** Maps held in fields: declared as the interface or as a concrete class, created eagerly or lazily. */
@Persistent
public class MapHolder {
    private final Map<String, Integer> map = new HashMap<>();
    private final HashMap<String, Integer> hashMap = new HashMap<>();
    private final TreeMap<String, Integer> treeMap = new TreeMap<>();
    private final LinkedHashMap<String, Integer> linkedHashMap = new LinkedHashMap<>();
    private Map<Color, Integer> lazyEnumMap;

    public MapHolder(Map<String, Integer> entries) {
        map.putAll(entries);
        hashMap.putAll(entries);
        treeMap.putAll(entries);
        linkedHashMap.putAll(entries);
        lazyEnumMap().put(Color.RED, 1);
    }

    public Map<String, Integer> map() {
        return map;
    }

    public HashMap<String, Integer> hashMap() {
        return hashMap;
    }

    public TreeMap<String, Integer> treeMap() {
        return treeMap;
    }

    public LinkedHashMap<String, Integer> linkedHashMap() {
        return linkedHashMap;
    }

    /** A {@code HashMap} keyed by enum constants, created on first use. */
    public Map<Color, Integer> lazyEnumMap() {
        if (lazyEnumMap == null) {
            lazyEnumMap = new HashMap<>();
        }
        return lazyEnumMap;
    }
}
