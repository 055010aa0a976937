package org.jodb.storage.file;

/**
 * A run of {@code span} contiguous pages starting at page {@code start}: one node, one overflow
 * extent, or a run of free pages.
 */
record Extent(long start, long span) {

    /** The first page after the extent. */
    long end() {
        return start + span;
    }
}
