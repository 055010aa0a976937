package org.jodb.storage.file;

/**
 * How full the object tree of one revision is: its pages and the bytes their entries take (leaf
 * entries with inline bodies, branch entries; not page headers, not overflow extents).
 */
record TreeSpace(long leaves, long branches, long usedBytes) {
    static final TreeSpace EMPTY = new TreeSpace(0, 0, 0);

    long pages() {
        return leaves + branches;
    }

    /** Used bytes over the bytes of the tree's pages, from 0 to 1; 1 for an empty tree. */
    double fill(int pageSize) {
        return pages() == 0 ? 1 : (double) usedBytes / (pages() * (long) pageSize);
    }
}
