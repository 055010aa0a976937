package org.jodb.changes.model;

import java.util.List;
import org.jodb.Persistent;

/** Holds a list it was given, which may be another object's. */
@Persistent
public class ListBox {
    private final List<String> list;

    public ListBox(List<String> list) {
        this.list = list;
    }

    public List<String> list() {
        return list;
    }
}
