package org.jodb.enhance;

import org.jodb.Persistent;

/** A persistent base class whose constructor takes the number its subclass computes. */
@Persistent
class Numbered {
    private final int number;

    Numbered(int number) {
        this.number = number;
    }

    int number() {
        return number;
    }
}
