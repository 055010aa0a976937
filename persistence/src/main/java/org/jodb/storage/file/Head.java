package org.jodb.storage.file;

/**
 * A readable revision: its number and its object-tree root (null for an empty tree). Immutable, so
 * a snapshot captures it once and reads without locks.
 */
record Head(long revision, NodeRef root) {
}
