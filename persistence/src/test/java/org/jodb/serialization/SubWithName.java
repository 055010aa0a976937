package org.jodb.serialization;

import org.jodb.Persistent;
import org.jodb.enhance.Enhanced;

/** Shadows BaseWithName.name: both are stored, the sub's qualified by its class. */
@Persistent
@Enhanced
class SubWithName extends BaseWithName {
    String name;
}
