package org.jodb.storage.file;

/**
 * What a page (or the first page of an extent) holds; stored as one byte in the page header so
 * that {@link Verifier} and error messages can tell pages apart and a page reached through a wrong
 * pointer is rejected instead of misread.
 */
enum PageType {
    /** Pages 0 and 1: the two alternating meta pages. */
    META(1),
    /** An object-tree leaf: records (inline) or pointers to overflow extents, sorted by oid. */
    LEAF(2),
    /** An object-tree branch: separator oids and child page pointers. */
    BRANCH(3),
    /** A record body too large for a leaf, in one contiguous extent. */
    OVERFLOW(4),
    /**
     * The accounting a revision's commit adds: its root, the pages it superseded and the free-map
     * index (format 3, {@link RevisionEntry}); in formats 1 and 2 the whole free list, pending
     * groups and retained roots ({@link Bookkeeping}).
     */
    BOOKKEEPING(5),
    /** The type catalog: every registered type descriptor, in id order. */
    CATALOG(6),
    /** One chunk of the durable free bitmap ({@link FreeMap}). */
    FREE_MAP(7),
    /** Pointers to free-map chunks ({@link FreeMapIndex}). */
    FREE_MAP_INDEX(8);

    final byte code;

    PageType(int code) {
        this.code = (byte) code;
    }

    /** The type stored as {@code code}, or null for a byte no page type uses. */
    static PageType of(byte code) {
        for (PageType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}
