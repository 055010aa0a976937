package org.jodb.serialization;

/** An enum whose constants have bodies (anonymous subclasses), stored by name as Mood. */
enum Mood {
    HAPPY { @Override String face() { return ":)"; } },
    SAD { @Override String face() { return ":("; } };

    abstract String face();
}
