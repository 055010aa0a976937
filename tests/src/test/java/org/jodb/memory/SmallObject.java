package org.jodb.memory;

import org.jodb.Persistent;

/** A small persistent object of three fields, a string, a long and a reference, as a new user writes one. */
@Persistent
public class SmallObject {
    private String name;
    private long value;
    private SmallObject next;

    public SmallObject(String name, long value, SmallObject next) {
        this.name = name;
        this.value = value;
        this.next = next;
    }

    public String name() {
        return name;
    }

    public long value() {
        return value;
    }

    public SmallObject next() {
        return next;
    }
}
