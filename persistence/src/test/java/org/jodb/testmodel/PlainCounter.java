package org.jodb.testmodel;

import org.jodb.Persistent;

/** A counter without conflict resolution: concurrent increments conflict and are retried. */
@Persistent
public class PlainCounter {
    private long value;

    public void increment() {
        value++;
    }

    public long get() {
        return value;
    }
}
