package org.jodb.storage.file;

/**
 * A readable revision: its number, its object-tree root (null for an empty tree) and its commit
 * time in epoch milliseconds (0 if unknown: the bookkeeping does not record the time of older
 * retained revisions, so after a restart only the newest revision's time is known). Immutable, so a
 * snapshot captures it once and reads without locks.
 */
record Head(long revision, NodeRef root, long timestamp) {
}
