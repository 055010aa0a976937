package org.jodb.examples.profile;

import org.jodb.Persistent;

/** A small persistent object with some text, read by the thousand in {@link HeapProfileDemo}. */
@Persistent
public class Note {
    private final String text;

    public Note(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
