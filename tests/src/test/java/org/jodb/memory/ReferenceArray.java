package org.jodb.memory;

import org.jodb.Persistent;

/** A persistent holder of an array of references: loading it makes a ghost of every element. */
@Persistent
public class ReferenceArray {
    private SmallObject[] items;

    public ReferenceArray(SmallObject[] items) {
        this.items = items;
    }

    public SmallObject[] items() {
        return items;
    }
}
