package org.jodb.changes.model;

import org.jodb.Persistent;

/** Turns change detection back on below a class that turned it off. */
@Persistent
public class DetectedListSubclass extends ManualList {
    public DetectedListSubclass(String... items) {
        super(items);
    }
}
