package org.jodb.changes.model;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jodb.Persistent;

/** Sets held in fields: declared as the interface or as a concrete class, created eagerly or lazily. */
@Persistent
public class SetHolder {
    private final Set<String> set = new HashSet<>();
    private final LinkedHashSet<String> linkedHashSet = new LinkedHashSet<>();
    private final TreeSet<String> treeSet = new TreeSet<>();
    private Set<Color> lazyEnumSet;

    public SetHolder(List<String> elements, List<Color> colors) {
        set.addAll(elements);
        linkedHashSet.addAll(elements);
        treeSet.addAll(elements);
        lazyEnumSet().addAll(colors);
    }

    public Set<String> set() {
        return set;
    }

    public LinkedHashSet<String> linkedHashSet() {
        return linkedHashSet;
    }

    public TreeSet<String> treeSet() {
        return treeSet;
    }

    /** A {@code HashSet} of enum constants, created on first use. */
    public Set<Color> lazyEnumSet() {
        if (lazyEnumSet == null) {
            lazyEnumSet = new HashSet<>();
        }
        return lazyEnumSet;
    }
}
