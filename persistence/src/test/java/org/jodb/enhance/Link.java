package org.jodb.enhance;

import org.jodb.Persistent;

/** Writes a field of another instance of its own class inside its {@code this(...)} arguments. */
@Persistent
class Link {
    int uses;
    private final int number;

    Link(int number) {
        this.number = number;
    }

    Link(Link previous) {
        this(previous.uses++);
    }

    /** The write sits in one branch of a conditional, so the stack is known again from a frame. */
    Link(Link previous, boolean counted) {
        this(counted ? previous.uses++ : -1);
    }

    int number() {
        return number;
    }
}
