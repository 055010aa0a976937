package org.jodb.storage.file;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jodb.JodbException;

/**
 * The root of one committed revision, stored in one of pages 0 and 1: the one that does not hold
 * the newest durable revision. A commit (or a group of commits, {@link GroupCommit}) writes its
 * pages and this page, then syncs once; so this page may reach the disk before some of those pages.
 * It therefore carries a {@link CommitCheck}: the durable revision it was written on (its
 * <i>base</i>) and the count and digest of the pages written since then that it uses. The open
 * accepts the newest intact meta page only if those pages read back exactly
 * ({@link CommitCheck#problem}), and otherwise falls back to the other slot, whose revision is
 * whole because pages superseded at a revision are reused only after it is durable.
 *
 * <p><b>Body</b> (after the {@link Page} header, big-endian longs unless noted): magic
 * {@code "JODB"} (int), format version (int), page size (int), zero (int), revision, object-tree
 * root page and its creating revision, bookkeeping extent (page, span, creating revision), catalog
 * extent (page, span, creating revision), next oid, page count (the high-water mark: pages at or
 * beyond it hold nothing), commit time in epoch milliseconds; from format 3 the commit check: base
 * revision, count of pages written since it, their digest. Page 0 starts at file offset 0, so the
 * magic and format version sit at fixed offsets 32 and 36 whatever the page size.
 *
 * <p><b>Format versions.</b> 1: the first. 2: the bookkeeping extent also records the commit time
 * of each retained revision ({@link Bookkeeping}); the meta page itself is unchanged. Version 1
 * files open; their first commit writes version 3 (the other slot keeps its older page, so a
 * fallback to it decodes its bookkeeping in its own version, and that extent is freed only once
 * version 3 is durable). 3: one sync per commit, so the meta page carries the {@link CommitCheck}
 * (an older jodb would open a meta page whose pages a power cut lost, so it must refuse the file);
 * and the bookkeeping field names the newest {@link RevisionEntry}, the free list being a bitmap
 * written by the chunk ({@link DurableBookkeeping}), so a commit writes accounting in proportion to
 * its change. Version 1 and 2 meta pages have no check: their commits synced their pages before
 * writing them.
 *
 * <p><b>Which candidates count</b> ({@link #readCandidates}). A candidate is the page in slot 0 or 1 at
 * one of the legal page sizes. It counts only if it is intact: magic, a page-size field equal to
 * the size it was read at, a checksum that holds, its own slot number and the META type. Its format
 * version is read only then, so a torn meta page, or user payload that sits where another page
 * size would put a slot, can neither be opened nor make a healthy file refuse to open. An intact
 * candidate of a newer format refuses the file whatever its revision: a newer jodb has written
 * the file and may have reused pages by rules this one does not know. For this to work, every
 * format version must keep the page header, its checksum rule and the magic, version and page-size
 * fields at offsets 32 to 44; a format that changes any of them must change the magic too, and is
 * then refused by older versions as not a jodb file rather than as newer.
 *
 * @param revision      the committed revision
 * @param tree          the object-tree root, or null for an empty tree
 * @param bookkeeping   the free/pending/retained-roots extent, or null if none yet
 * @param catalog       the type-catalog extent, or null if no type is registered
 * @param formatVersion the version this page was written in (what its bookkeeping extent follows)
 * @param check         what the open verifies before accepting this page; null for versions 1 and 2
 */
record MetaPage(int pageSize, long revision, NodeRef tree, NodeRef bookkeeping, NodeRef catalog,
        long nextOid, long pageCount, long timestamp, int formatVersion, CommitCheck check) {

    static final int MAGIC = 0x4A4F4442; // "JODB"
    static final int FORMAT_VERSION = 3;
    /** The first version whose meta pages carry a {@link CommitCheck}. */
    static final int CHECKED_VERSION = 3;
    static final int MIN_PAGE_SIZE = 1 << 10;
    static final int MAX_PAGE_SIZE = 1 << 16;
    private static final int MAGIC_AT = Page.HEADER_SIZE;
    private static final int VERSION_AT = MAGIC_AT + 4;
    private static final int PAGE_SIZE_AT = MAGIC_AT + 8;

    /** The meta page as a sealed page for {@code slot}. */
    Page encode(long slot) {
        Page page = Page.create(pageSize, PageType.META, slot, 1, revision);
        ByteBuffer body = page.body();
        body.putInt(MAGIC).putInt(formatVersion).putInt(pageSize).putInt(0).putLong(revision);
        putRef(body, tree);
        putRef(body, bookkeeping);
        putRef(body, catalog);
        body.putLong(nextOid).putLong(pageCount).putLong(timestamp);
        if (check != null) {
            body.putLong(check.base()).putLong(check.pages()).putLong(check.digest());
        }
        return page.seal();
    }

    private static void putRef(ByteBuffer body, NodeRef ref) {
        body.putLong(ref == null ? 0 : ref.page()).putLong(ref == null ? 0 : ref.span())
                .putLong(ref == null ? 0 : ref.created());
    }

    private static NodeRef getRef(ByteBuffer body) {
        long page = body.getLong();
        long span = body.getLong();
        long created = body.getLong();
        return page == 0 ? null : new NodeRef(page, (int) span, created);
    }

    static boolean isValidPageSize(int size) {
        return size >= MIN_PAGE_SIZE && size <= MAX_PAGE_SIZE && Integer.bitCount(size) == 1;
    }

    /**
     * The intact meta pages of an existing, non-empty file, newest first (see "Which candidates
     * count" above; whether the newest is whole is for {@link CommitCheck#problem} to say), after checking that the file is a jodb file of a supported format, with the requested
     * page size (0 = any). Whether the file holds the pages it uses is for the open to check, once
     * it has read the revision's accounting: the file may end before the page count where only free
     * pages are missing ({@code FileStorage}).
     * Reads only; on any problem throws a {@link JodbException} naming the file and the problem.
     */
    static List<Candidate> readCandidates(PageFile file, int requestedPageSize) {
        long size = file.size();
        ByteBuffer head = file.readRaw(0, (int) Math.min(size, MAGIC_AT + 12));
        boolean magicAtZero = head.remaining() >= MAGIC_AT + 12 && head.getInt(MAGIC_AT) == MAGIC;
        int newerVersion = 0;
        List<Candidate> intact = new ArrayList<>();
        // A torn page 0 may hold any page size, so look for slot 1 at every legal page size.
        for (int pageSize = MIN_PAGE_SIZE; pageSize <= MAX_PAGE_SIZE; pageSize <<= 1) {
            for (int slot = 0; slot < 2; slot++) {
                long offset = (long) slot * pageSize;
                if (offset + pageSize > size) {
                    continue;
                }
                ByteBuffer bytes = file.readRaw(offset, pageSize);
                if (bytes.getInt(MAGIC_AT) != MAGIC || bytes.getInt(PAGE_SIZE_AT) != pageSize) {
                    continue;
                }
                Page page = Page.wrap(bytes);
                if (!page.checksumHolds() || page.number() != slot || page.type() != PageType.META) {
                    continue; // bytes that fail the checksum are not believed, whatever version they claim
                }
                int version = bytes.getInt(VERSION_AT);
                if (version > FORMAT_VERSION) {
                    newerVersion = Math.max(newerVersion, version);
                } else {
                    intact.add(new Candidate(decode(page, pageSize), slot));
                }
            }
        }
        if (newerVersion > 0) {
            throw new NewerFormatException(file.path() + ": written in storage format version " + newerVersion
                    + ", newer than this jodb supports (" + FORMAT_VERSION + "); upgrade jodb", newerVersion);
        }
        if (intact.isEmpty()) {
            if (!magicAtZero) {
                throw new NotAStorageFileException(file.path() + " is not a jodb storage file (no JODB magic in"
                        + " its first page)");
            }
            int claimed = head.getInt(PAGE_SIZE_AT);
            if (isValidPageSize(claimed) && size < 2L * claimed) {
                throw new DamagedFileException(file.path() + " is truncated: " + size + " bytes, shorter than"
                        + " its two meta pages of " + claimed + " bytes");
            }
            throw new DamagedFileException(file.path() + ": both meta pages are corrupt (checksum mismatch);"
                    + " no revision can be opened");
        }
        // Newest first; of equal revisions (a new file's two slots) the one found first.
        intact.sort(Comparator.comparingLong((Candidate candidate) -> candidate.meta().revision()).reversed());
        MetaPage newest = intact.get(0).meta();
        if (requestedPageSize != 0 && requestedPageSize != newest.pageSize()) {
            throw new JodbException(file.path() + " has page size " + newest.pageSize()
                    + " but the options ask for " + requestedPageSize
                    + " (leave the page size unset to use the file's)");
        }
        return intact;
    }

    /**
     * The newest intact meta page (see {@link #readCandidates}); whether its revision is whole on the
     * disk is for {@link CommitCheck#problem} to say.
     */
    static MetaPage readNewest(PageFile file, int requestedPageSize) {
        return readCandidates(file, requestedPageSize).get(0).meta();
    }

    /** An intact meta page and the slot (0 or 1) it was read from. */
    record Candidate(MetaPage meta, int slot) {
    }

    /** This meta page with the page count {@code pages}: where the file ends ({@code FileStorage}'s open). */
    MetaPage withPageCount(long pages) {
        return new MetaPage(pageSize, revision, tree, bookkeeping, catalog, nextOid, pages, timestamp, formatVersion,
                check);
    }

    /** This meta page with {@code newCheck}, which the group commit knows only when it writes it. */
    MetaPage withCheck(CommitCheck newCheck) {
        return new MetaPage(pageSize, revision, tree, bookkeeping, catalog, nextOid, pageCount, timestamp, formatVersion,
                newCheck);
    }

    /**
     * The refusal of {@code file}, {@code size} bytes long, whose pages in use by this revision
     * reach page {@code needed} (exclusive).
     */
    DamagedFileException truncated(Path file, long size, long needed) {
        return new DamagedFileException(file + " is truncated: " + size + " bytes, but revision " + revision + " needs "
                + needed + " pages of " + pageSize + " bytes (" + needed * pageSize + " bytes)");
    }

    private static MetaPage decode(Page page, int pageSize) {
        ByteBuffer body = page.body();
        int formatVersion = body.getInt(body.position() + 4);
        body.position(body.position() + 16);
        long revision = body.getLong();
        NodeRef tree = getRef(body);
        NodeRef bookkeeping = getRef(body);
        NodeRef catalog = getRef(body);
        long nextOid = body.getLong();
        long pageCount = body.getLong();
        long timestamp = body.getLong();
        CommitCheck check = formatVersion >= CHECKED_VERSION
                ? new CommitCheck(body.getLong(), body.getLong(), body.getLong()) : null;
        return new MetaPage(pageSize, revision, tree, bookkeeping, catalog, nextOid, pageCount, timestamp,
                formatVersion, check);
    }
}
