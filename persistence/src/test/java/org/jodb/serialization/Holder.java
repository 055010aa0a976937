package org.jodb.serialization;

import org.jodb.Persistent;
import org.jodb.enhance.Enhanced;

/** A persistent test class with one field of every primitive kind and an untyped value slot. */
@Persistent
@Enhanced
class Holder extends TestPersistentBase {
    boolean z;
    byte b;
    char c;
    short s;
    int i;
    long j;
    float f;
    double d;
    String name;
    Object value;
    Object other;
    transient Object scratch;

    Holder() {}

    Holder(Object value) {
        this.value = value;
    }
}
