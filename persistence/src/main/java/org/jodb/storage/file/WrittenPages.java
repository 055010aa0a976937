package org.jodb.storage.file;

import java.util.HashMap;
import java.util.Map;

/**
 * The extents written since the newest durable revision that the newest waiting revision still uses,
 * by first page, with their {@link CommitCheck#hash}es: what the next meta page's {@link CommitCheck} counts.
 * A page is never reused while it waits here (pages freed by a waiting revision are reused only after
 * its sync), so a first page names one extent.
 *
 * <p>Not thread-safe: used by the group's leader, one at a time.
 */
final class WrittenPages {
    private final Map<Long, Long> hashes = new HashMap<>();
    private long digest;

    /** Applies a waiting revision: what it dropped leaves, what it wrote enters. */
    void apply(WrittenRevision revision) {
        for (long page : revision.dropped()) {
            Long hash = hashes.remove(page);
            if (hash != null) {
                digest -= hash;
            }
        }
        long[] pages = revision.pages();
        for (int i = 0; i < pages.length; i++) {
            hashes.put(pages[i], revision.hashes()[i]);
            digest += revision.hashes()[i];
        }
    }

    /** The check of a meta page written on {@code base} with the revisions applied since the last clear. */
    CommitCheck check(long base) {
        return new CommitCheck(base, hashes.size(), digest);
    }

    /** Their revisions are durable: the next check counts from there. */
    void clear() {
        hashes.clear();
        digest = 0;
    }
}
