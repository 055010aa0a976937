package org.jodb.changes.model;

import org.jodb.Persistent;

/** A persistent object changed by a plain field write: the change that makes a transaction commit. */
@Persistent
public class Counter {
    private int count;

    public int count() {
        return count;
    }

    public void increment() {
        count++;
    }
}
