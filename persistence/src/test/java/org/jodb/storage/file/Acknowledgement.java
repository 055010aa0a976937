package org.jodb.storage.file;

/**
 * A revision the storage reported durable (its commit, collection, compaction or open returned),
 * after the first {@code issuedOps} operations of the log had been issued.
 */
record Acknowledgement(int issuedOps, long revision) {
}
