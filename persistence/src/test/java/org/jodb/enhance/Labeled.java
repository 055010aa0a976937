package org.jodb.enhance;

import org.jodb.Persistent;

/** A top persistent class whose superclass is plain. */
@Persistent
class Labeled extends PlainBase {
    private String text;

    Labeled(String text) {
        this.text = text;
    }

    String getText() {
        return text;
    }
}
