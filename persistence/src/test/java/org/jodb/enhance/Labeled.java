package org.jodb.enhance;

import org.jodb.Persistent;

/** A top persistent class whose superclass is plain; public so runtime-compiled classes can extend it. */
@Persistent
public class Labeled extends PlainBase {
    private String text;

    public Labeled(String text) {
        this.text = text;
    }

    String getText() {
        return text;
    }
}
