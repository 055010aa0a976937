package org.jodb.serialization;

import org.jodb.Persistent;
import org.jodb.enhance.Enhanced;

/** A persistent test class referring to other persistent objects. */
@Persistent
@Enhanced
class Node extends TestPersistentBase {
    String label;
    Node next;
    Object extra;

    Node() {}

    Node(String label) {
        this.label = label;
    }
}
