package org.jodb.changes.model;

import org.jodb.Persistent;

/** Holds any value stored inside its record. */
@Persistent
public class ValueHolder {
    private Object value;

    public ValueHolder(Object value) {
        this.value = value;
    }

    public Object value() {
        return value;
    }
}
