package org.jodb.changes.model;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import org.jodb.Persistent;

/** Lists held in fields: declared as the interface or as a concrete class, created eagerly or lazily. */
@Persistent
public class ListHolder {
    private final List<String> list = new ArrayList<>();
    private final ArrayList<String> arrayList = new ArrayList<>();
    private final LinkedList<String> linkedList = new LinkedList<>();
    private List<String> lazyList;

    public ListHolder(String... elements) {
        list.addAll(List.of(elements));
        arrayList.addAll(List.of(elements));
        linkedList.addAll(List.of(elements));
        lazyList().addAll(List.of(elements));
    }

    public List<String> list() {
        return list;
    }

    public ArrayList<String> arrayList() {
        return arrayList;
    }

    public LinkedList<String> linkedList() {
        return linkedList;
    }

    /** Created on first use. */
    public List<String> lazyList() {
        if (lazyList == null) {
            lazyList = new ArrayList<>();
        }
        return lazyList;
    }
}
