package org.jodb.storage.file;

/**
 * A readable revision: its number, its object-tree root (null for an empty tree) and its commit
 * time in epoch milliseconds (0 if unknown: the bookkeeping of format version 1 did not record the
 * times of older retained revisions). Immutable, so a
 * snapshot captures it once and reads without locks.
 */
record Head(long revision, NodeRef root, long timestamp) {
}
