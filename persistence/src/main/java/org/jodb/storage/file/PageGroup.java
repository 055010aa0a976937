package org.jodb.storage.file;

import java.util.ArrayList;
import java.util.List;

/**
 * Superseded pages that share their interval: created by the commit of revision {@code created}
 * and superseded by the commit of {@code superseded}, so visible exactly to the revisions
 * {@code [created, superseded)}. The interval rule decides per group, never per page.
 *
 * <p>Mutable only by {@link PendingPages} while it owns the group.
 */
final class PageGroup {
    final long created;
    final long superseded;
    final List<Extent> extents = new ArrayList<>();
    private long pages;

    PageGroup(long created, long superseded) {
        this.created = created;
        this.superseded = superseded;
    }

    void add(Extent extent) {
        extents.add(extent);
        pages += extent.span();
    }

    void addAll(PageGroup other) {
        for (Extent extent : other.extents) {
            add(extent);
        }
    }

    long pages() {
        return pages;
    }

    /** Key of the group's interval, for merging groups that meet at the same blocker. */
    IntervalKey key() {
        return new IntervalKey(created, superseded);
    }

    record IntervalKey(long created, long superseded) {
    }
}
