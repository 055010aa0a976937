package org.jodb.serialization;

/** A plain mutable pair: shared and cyclic plain objects. */
class Pair {
    Object first;
    Object second;

    Pair() {}

    Pair(Object first, Object second) {
        this.first = first;
        this.second = second;
    }
}
