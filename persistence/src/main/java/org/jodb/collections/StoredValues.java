package org.jodb.collections;

import org.jodb.enhance.Enhancement;

/** Checks shared by the persistent collections on the values they are given. */
final class StoredValues {
    private StoredValues() {
    }

    /** Fails fast, at the call that stores it, on a persistent object whose class missed enhancement. */
    static void requireStorable(Object value) {
        if (value != null) {
            Enhancement.requireEnhanced(value.getClass());
        }
    }
}
