package org.jodb.testmodel;

import org.jodb.Persistent;

/** A persistent object with value equality: using it as a hash key reads its fields. */
@Persistent
public class Tag {
    private String label;

    public Tag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tag && ((Tag) other).label().equals(label);
    }

    @Override
    public int hashCode() {
        return label.hashCode();
    }
}
