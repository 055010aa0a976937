package org.jodb.enhance;

/** A non-persistent superclass without instance fields, which a persistent class may extend. */
class PlainBase {
    static int instances;

    PlainBase() {
        instances++;
    }

    String kind() {
        return "plain";
    }
}
