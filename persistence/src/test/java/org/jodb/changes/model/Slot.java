package org.jodb.changes.model;

/** A record keyed by an enum constant: its hash code derives from the constant's identity hash. */
public record Slot(Color color, int index) {
}
