package org.jodb.changes.model;

/** An enum: its constants hash by identity, so hash-based collections of them iterate in an order that varies between JVMs. */
public enum Color {
    RED, ORANGE, YELLOW, GREEN, BLUE, INDIGO, VIOLET, BLACK, WHITE
}
