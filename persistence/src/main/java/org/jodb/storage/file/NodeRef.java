package org.jodb.storage.file;

/**
 * A pointer to a page or extent: where it is, how many pages it spans, and the revision that
 * created it. The creating revision is checked against the page header on every read, so a pointer
 * never silently reaches a page that was freed and reused, and the interval rule knows the page's
 * birth without reading it.
 */
record NodeRef(long page, int span, long created) {

    Extent extent() {
        return new Extent(page, span);
    }
}
