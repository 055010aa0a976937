package org.jodb.serialization;

import org.jodb.Persistent;

/** Persistent (inherited annotation) but missing @Enhanced: the enhancer did not process it. */
@Persistent
class NotEnhancedThing extends TestPersistentBase {
    int x;
}
