package org.jodb.serialization;

import org.jodb.Persistent;
import org.jodb.enhance.Enhanced;

/** Remembers whether its constructor ran. */
@Persistent
@Enhanced
class CountingConstructor extends TestPersistentBase {
    transient int constructed;

    CountingConstructor() {
        constructed = 1;
    }
}
