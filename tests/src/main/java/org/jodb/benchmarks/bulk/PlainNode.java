package org.jodb.benchmarks.bulk;

/** {@link BulkNode}'s plain twin, stored by EclipseStore. */
public final class PlainNode {
    private final String name;
    private final long value;
    private final PlainNode next;

    public PlainNode(String name, long value, PlainNode next) {
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

    public PlainNode next() {
        return next;
    }
}
