package org.jodb.changes.model;

import java.util.ArrayList;
import java.util.List;
import org.jodb.Persistent;

/** A class that turns change detection off: only field writes and markChanged() count, as in ZODB. */
@Persistent(detectChanges = false)
public class ManualList {
    private final List<String> items = new ArrayList<>();

    public ManualList(String... items) {
        this.items.addAll(List.of(items));
    }

    public List<String> items() {
        return items;
    }
}
