package org.jodb.testmodel;

import org.jodb.Persistent;

/** Holds any value in one field: the subject of storability tests. */
@Persistent
public class Holder {
    private Object value;

    public Holder(Object value) {
        this.value = value;
    }

    public Object value() {
        return value;
    }

    public void set(Object value) {
        this.value = value;
    }
}
