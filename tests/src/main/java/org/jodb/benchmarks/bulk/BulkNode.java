package org.jodb.benchmarks.bulk;

import org.jodb.Persistent;

/** The small persistent object of the bulk comparison: a string, a long, a reference to another one. */
@Persistent
public class BulkNode {
    private String name;
    private long value;
    private BulkNode next;

    public BulkNode(String name, long value, BulkNode next) {
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

    public BulkNode next() {
        return next;
    }
}
