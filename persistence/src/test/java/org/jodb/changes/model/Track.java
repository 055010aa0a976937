package org.jodb.changes.model;

/** An immutable record: changed only by replacing it. */
public record Track(String title, int seconds) {
}
