package org.jodb.storage.file;

/**
 * What the open verifies before it accepts a meta page: its commit, or group of commits, wrote its
 * pages and its meta page and then synced once, so a power cut before that sync can leave the
 * meta page without some of those pages.
 *
 * <p><b>Which pages.</b> The pages the meta page's revision uses that were written after its
 * {@code base}, the newest revision durable when it was written (the one in the other meta slot).
 * They are exactly the pages reachable from the meta page whose creating revision is after
 * {@code base}: copy-on-write rewrites every ancestor of a new tree page in the same commit, so a
 * walk that descends only into pointers created after the base finds every new tree page, overflow
 * extent, bookkeeping and catalog extent, reading nothing older ({@link NewPagesWalk}); each read
 * checks the page's checksum, number, type and the creating revision the pointer expects.
 *
 * <p><b>Why a digest too.</b> After a fallback the next commits reuse revision numbers and, often,
 * page numbers of the lost commits, so a page the lost commit wrote whole can pass every check of
 * a pointer that the new commit wrote to the same page with the same creating revision. The meta page
 * therefore also carries the count of those pages ({@code pages}) and the sum of a hash of each one's
 * number, creating revision and checksum ({@code digest}, order-free); the walk must reproduce both.
 *
 * @param base   the newest revision that was durable when the meta page was written; equal to its
 *               own revision when there is nothing to check (a new file)
 * @param pages  how many extents written after {@code base} the revision uses
 * @param digest the sum of {@link #hash} over those extents
 */
record CommitCheck(long base, long pages, long digest) {

    /** The check of a revision with no page written since {@code base}. */
    static CommitCheck nothingSince(long base) {
        return new CommitCheck(base, 0, 0);
    }

    /** One extent's share of the digest: a mix of its first page, creating revision and checksum. */
    static long hash(long page, long created, int checksum) {
        long h = page * 0x9E3779B97F4A7C15L ^ Long.rotateLeft(created, 29) ^ (checksum & 0xFFFFFFFFL) << 16;
        h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
        h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }

    static long hash(Page page) {
        return hash(page.number(), page.created(), page.storedChecksum());
    }

    /**
     * Why {@code meta}'s revision is not whole on the disk of {@code file}, or null if it is (or has
     * no check: versions 1 and 2 synced their pages before their meta page).
     */
    static String problem(PageFile file, MetaPage meta) {
        CommitCheck check = meta.check();
        if (check == null || check.base() >= meta.revision()) {
            return null;
        }
        CommitCheck found;
        try {
            found = NewPagesWalk.of(file, meta, check.base());
        } catch (CorruptPageException e) {
            return "revision " + meta.revision() + " is incomplete: " + e.getMessage();
        }
        if (found.pages() != check.pages() || found.digest() != check.digest()) {
            return "revision " + meta.revision() + " is incomplete: its meta page names " + check.pages()
                    + " pages written since revision " + check.base() + ", the file holds " + found.pages()
                    + (found.pages() == check.pages() ? " with other contents" : "");
        }
        return null;
    }
}
