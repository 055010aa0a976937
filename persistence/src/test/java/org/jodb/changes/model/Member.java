package org.jodb.changes.model;

import org.jodb.Persistent;

/** A persistent object without equals or hashCode: hash-based collections of it order it by identity. */
@Persistent
public class Member {
    private final String name;

    public Member(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }
}
