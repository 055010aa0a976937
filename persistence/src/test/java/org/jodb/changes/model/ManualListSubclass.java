package org.jodb.changes.model;

/** Inherits its superclass's {@code @Persistent(detectChanges = false)}. */
public class ManualListSubclass extends ManualList {
    public ManualListSubclass(String... items) {
        super(items);
    }
}
