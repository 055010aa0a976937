package org.jodb.changes.model;

/** A plain object without equals or hashCode: a new instance, with a new identity hash, at every load. */
public class Note {
    private final String text;

    public Note(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
