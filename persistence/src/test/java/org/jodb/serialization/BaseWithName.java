package org.jodb.serialization;

import org.jodb.Persistent;
import org.jodb.enhance.Enhanced;

/** Declares a field that SubWithName shadows. */
@Persistent
@Enhanced
class BaseWithName extends TestPersistentBase {
    String name;

    String baseName() {
        return name;
    }
}
