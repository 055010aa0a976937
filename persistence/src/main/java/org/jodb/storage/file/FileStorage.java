package org.jodb.storage.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jodb.JodbException;
import org.jodb.storage.CompactionResult;
import org.jodb.storage.GcResult;
import org.jodb.storage.Record;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.RevisionChanges;
import org.jodb.storage.RevisionInfo;
import org.jodb.storage.Snapshot;
import org.jodb.storage.Storage;
import org.jodb.storage.internal.ConcurrentCollection;
import org.jodb.storage.internal.ObjectGraph;
import org.jodb.storage.internal.OidMarks;
import org.jodb.storage.internal.WriteBatch;

/**
 * The embedded {@link Storage}: one file of checksummed pages holding a copy-on-write B+tree per
 * revision, with superseded pages reclaimed by the interval rule.
 *
 * <p><b>File.</b> Pages 0 and 1 are alternating {@link MetaPage}s; every other page belongs to the
 * object tree ({@link ObjectTree}), an overflow extent, the bookkeeping ({@link DurableBookkeeping}:
 * revision entries and the free map) or the type-catalog extent ({@link FileTypeCatalog}), or is
 * free or pending. The layout of each, the locks and a glossary are in the package documentation,
 * their one home.
 *
 * <p><b>Commit</b>: under the commit lock, conflict check against the newest written tree; then
 * the recipe of {@code writeRevision}, one method a step: free the pages released by durable
 * revisions; build the new leaves, the paths to the root and overflow extents; write catalog;
 * write bookkeeping (all into pages that no readable revision uses); write pages; record the
 * revision and queue it. Then, outside the lock, the {@link GroupCommit}: one committer writes
 * the meta page of the newest queued revision (into the slot not holding the durable one) and
 * forces once for all of them; each committer returns once its revision is durable. Readers see a
 * revision once it is written (a new transaction then reads the newest state, which keeps conflicts
 * rare), so a power cut may take a revision a reader saw, never one whose commit returned; a commit
 * that shrinks the file waits under the lock and truncates. The open
 * accepts the newest meta page only if the pages written since its base revision read back
 * ({@link CommitCheck}), else it opens the previous one, so a crash at any point leaves the last
 * durable revision or a newer one (a power cut only with {@link FileStorageOptions#sync} on). A page
 * freed by commit R is reused only once R is durable.
 *
 * <p><b>Reclamation</b>: see {@link PendingPages}. Snapshots pin their revision; closing the last
 * pin frees exactly the pages only it held. {@link FileStorageOptions#keepRevisions} and
 * {@link FileStorageOptions#keepHistory} keep the newest revisions openable, by count and by commit
 * time ({@link RetentionWindow}), also after a restart: the bookkeeping records each retained
 * revision's root and commit time.
 *
 * <p><b>Thread-safety.</b> All methods are thread-safe. Loads take no lock. Pins, pending pages and
 * the published head share a short pin lock, owned by {@link ReadableRevisions}, so opening a
 * snapshot never waits for a commit's disk syncs. After {@link #close()} every method except {@code close} throws
 * {@link IllegalStateException}; a commit that fails with an I/O error closes the storage (reopen
 * it: the file holds the last durable revision).
 */
public final class FileStorage implements Storage {
    /**
     * Moving commits a compaction makes at most after repacking: moving, then cutting what the move
     * freed, then further rounds while pages move (a repacked tree leaves holes all over the file).
     */
    private static final int COMPACTION_PASSES = 8;
    /**
     * Creations tried before giving up: one more is needed only if the name was taken by a file that
     * was gone when opened, or an interrupt closed the new file.
     */
    private static final int CREATE_ATTEMPTS = 3;
    private final Path path;
    private final FileStorageOptions options;
    private final PageFile file;
    private final int pageSize;
    private final NodeCache cache;
    private final ObjectTree tree;
    private final FileTypeCatalog types = new FileTypeCatalog();
    private final AtomicLong nextOid;
    private final ReentrantLock commitLock = new ReentrantLock();
    private final GroupCommit durability;

    // guarded by commitLock
    private final FreePages free;
    private final DurableBookkeeping book;
    /** The meta page of the newest written revision, {@link #tip}, durable or not. */
    private MetaPage meta;
    private Head tip;
    /** Breaks the group rule on purpose, for the power-cut self-test: see {@link #reusePagesBeforeTheirSync}. */
    private boolean reuseBeforeSync;
    private int durableTypes;
    /** Every oid garbage collection removed since the open; a commit may not refer to one. */
    private final OidMarks removed = new OidMarks();
    /** The newest tree's space as {@code stats()} last walked it, and its revision. */
    private TreeSpace space;
    private long spaceRevision;

    /** Heads, pins, pending and released pages, the change log: the pin lock, taken second. */
    private final ReadableRevisions revisions;
    /** Why the open passed over the newest meta page's revision; null if it opened that one. */
    private String skippedRevision;

    private FileStorage(Path path, FileStorageOptions options, PageFile file, MetaPage meta, int slot) {
        this.path = path;
        this.options = options;
        this.file = file;
        this.pageSize = meta.pageSize();
        this.meta = meta;
        this.cache = new NodeCache(options.nodeCacheBytes());
        this.tree = new ObjectTree(file, cache);
        this.nextOid = new AtomicLong(meta.nextOid());
        this.free = new FreePages(meta.pageCount());
        this.book = new DurableBookkeeping(file, pageSize);
        this.revisions = new ReadableRevisions(new Head(meta.revision(), meta.tree(), meta.timestamp()), options);
        long fileSize = file.size();
        requireInFile(meta.catalog(), fileSize);
        requireInFile(meta.bookkeeping(), fileSize);
        if (meta.catalog() != null) {
            NodeRef ref = meta.catalog();
            types.load(file.read(ref.page(), ref.span(), PageType.CATALOG, ref.created()));
            durableTypes = types.size();
        }
        if (meta.bookkeeping() != null) {
            book.restore(meta, free, revisions, options.clock().millis());
        } else {
            revisions.startWindow(options.clock().millis());
            book.start(free, revisions.current());
        }
        endAtTheFile(fileSize);
        this.tip = revisions.current();
        this.durability = new GroupCommit(file, options.sync(), this.meta.revision(), slot,
                this::closeAfterFailure);
    }

    /** Refuses the file as truncated if it ends inside {@code ref}, an extent the open reads (null: none). */
    private void requireInFile(NodeRef ref, long fileSize) {
        if (ref != null && ref.extent().end() * pageSize > fileSize) {
            throw meta.truncated(path, fileSize, meta.pageCount());
        }
    }

    /**
     * Lowers the page count to the file's end if the file ends before it, which is safe only where
     * every missing page is free in the restored accounting: neither live nor pending for a revision
     * kept. That is the case when the newest meta page is damaged after a later commit cut free
     * pages off the file (compaction, or a commit that gave back a page of the free run ending the
     * file, {@link CommitBatch#discard}): that commit wrote and cut only pages free in the revision
     * opened instead. Pages in use missing: the file was truncated, and is refused.
     */
    private void endAtTheFile(long fileSize) {
        long filePages = fileSize / pageSize;
        if (filePages >= free.pageCount()) {
            return;
        }
        if (free.usedEnd() > filePages) {
            throw meta.truncated(path, fileSize, free.usedEnd());
        }
        free.endAt(filePages);
        meta = meta.withPageCount(filePages); // the meta page and the free pages agree, as after a commit
    }

    /** Opens or creates the storage file at {@code path} with default options. */
    public static FileStorage open(Path path) {
        return open(path, FileStorageOptions.defaults());
    }

    /**
     * Opens the storage file at {@code path}, creating it if absent. A new file's two meta pages
     * and its directory are synced before this returns, whatever {@link FileStorageOptions#sync}.
     *
     * <p><b>Creation is atomic.</b> The new file is written under a temporary name in the same
     * directory ({@code <name>.creating-<random>}), forced, then given its name in one step that
     * never replaces an existing file (a hard link), and the directory is forced. So a power cut
     * or crash at any point leaves either no file at {@code path} (the next open creates it) or a
     * valid empty storage, never a partial one. Of concurrent creators (threads or processes)
     * exactly one gets the name; every one of them then opens that file like an existing one, so
     * one owns it and the others are refused by its lock. A temporary file left by a crash is
     * removed by the next open of the storage file.
     *
     * <p>An existing <i>empty</i> file (created by someone else, or left by an older version's
     * crashed creation) is initialized in place, as it was always; that cannot be made atomic, so
     * let jodb create the file where a power cut matters.
     *
     * @throws JodbException if the file is locked by another owner, is not a jodb file, has a newer
     *                       format, is truncated (a page its revision uses is missing; free pages
     *                       may be), has another page size than a non-zero
     *                       {@link FileStorageOptions#pageSize()}, or a page needed to open it is
     *                       corrupt (the file is left untouched), or it cannot be created
     */
    public static FileStorage open(Path path, FileStorageOptions options) {
        return open(new FileSystemDirectory(path), options);
    }

    /**
     * Opens the storage file of {@code directory}, creating it first if absent (the power-cut tests
     * pass a directory that records the creation too).
     */
    static FileStorage open(StorageDirectory directory, FileStorageOptions options) {
        boolean interrupted = false;
        try {
            for (int attempt = 1; ; attempt++) {
                PageFile existing = directory.openExisting();
                if (existing != null) {
                    return open(existing, options);
                }
                if (attempt > CREATE_ATTEMPTS) {
                    throw new JodbException(directory.path() + ": cannot create the storage file after "
                            + CREATE_ATTEMPTS + " attempts: a file under its name was gone when opened (a"
                            + " dangling symbolic link?), or interrupts kept closing the new file");
                }
                try {
                    create(directory, options);
                } catch (ClosedChannelException e) {
                    // An interrupt closed the new file's channel: retry uninterrupted, as PageFile does.
                    interrupted |= Thread.interrupted();
                } catch (IOException e) {
                    throw new JodbException(directory.path() + ": cannot create the storage file: " + e, e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Writes a new file's meta pages under its own name, forces it, publishes it and forces the
     * directory; the caller then opens whichever file has the name (this one, or a rival's).
     */
    private static void create(StorageDirectory directory, FileStorageOptions options) throws IOException {
        MetaPage meta = firstMeta(options);
        NewStorageFile created = directory.createNew();
        try {
            PageChannel channel = created.channel();
            writeFully(channel, meta.encode(0), meta.pageSize());
            writeFully(channel, meta.encode(1), meta.pageSize());
            channel.force(); // before the name: a published file must be whole on the disk
            created.publish();
            // Also when a rival won: its file is opened next and may not have a durable name yet.
            created.forceDirectory();
        } finally {
            created.discard();
        }
    }

    private static void writeFully(PageChannel channel, Page page, int pageSize) throws IOException {
        ByteBuffer bytes = page.bytes();
        long offset = page.number() * pageSize;
        while (bytes.hasRemaining()) {
            channel.write(bytes, offset + bytes.position());
        }
    }

    /** Revision 0 of a new file: no objects, both meta pages and nothing else. */
    private static MetaPage firstMeta(FileStorageOptions options) {
        int size = options.pageSize() == 0 ? FileStorageOptions.DEFAULT_PAGE_SIZE : options.pageSize();
        return new MetaPage(size, 0, null, null, null, FIRST_OID, 2, options.clock().millis(),
                MetaPage.FORMAT_VERSION, CommitCheck.nothingSince(0));
    }

    /**
     * Opens the storage in the existing {@code file}, initializing it in place if it is empty (the
     * power-cut checker opens disk images this way).
     */
    static FileStorage open(PageFile file, FileStorageOptions options) {
        Path path = file.path();
        try {
            MetaPage meta;
            int slot = 0;
            String skippedRevision = null;
            if (file.size() == 0) {
                meta = firstMeta(options);
                file.pageSize(meta.pageSize());
                // Both slots hold revision 0, so the file is valid whichever one a later commit tears.
                file.write(meta.encode(0));
                file.write(meta.encode(1));
                file.force();
                file.forceDirectory(); // the empty file may be new too: its entry must be durable
            } else {
                List<String> skipped = new ArrayList<>();
                MetaPage.Candidate whole = wholeRevision(file, MetaPage.readCandidates(file, options.pageSize()), skipped);
                meta = whole.meta();
                slot = whole.slot();
                skippedRevision = skipped.isEmpty() ? null : skipped.get(0);
            }
            FileStorage storage = new FileStorage(path, options, file, meta, slot);
            storage.skippedRevision = skippedRevision;
            if (options.compactOnOpen()) {
                storage.compact();
            }
            return storage;
        } catch (RuntimeException | Error e) {
            file.close();
            throw e;
        }
    }

    /**
     * Opens the existing storage file at {@code path} for reading only, without taking its lock, so
     * that the process writing it (which holds the lock) goes on undisturbed: for tools that inspect
     * a live database (the {@code jodb} command). It reads the revision that is newest and durable
     * now, and the revisions the file retains, as {@link #open} would, and never sees a later
     * commit. A read that needs a page the writer has reused since fails with
     * {@link RevisionOverwrittenException}, never returns other data: open again to read on. Writing
     * commits, garbage collection and compaction fail with a {@link JodbException} saying why. Other
     * opens of the file in this JVM are refused while it is open, as for a locked open.
     *
     * @throws JodbException as {@link #open} does, and if there is no file at {@code path}
     */
    public static FileStorage openReadOnly(Path path, FileStorageOptions options) {
        PageFile file = PageFile.openUnlocked(path);
        if (file == null) {
            throw new JodbException(path + ": no such storage file");
        }
        try {
            if (file.size() == 0) {
                throw new NotAStorageFileException(path + " is empty: it holds no revision to read");
            }
            List<String> skipped = new ArrayList<>();
            MetaPage.Candidate newest = wholeRevision(file, MetaPage.readCandidates(file, options.pageSize()), skipped);
            file.sharedWith(new ConcurrentWriter(newest.meta().revision()));
            FileStorage storage = new FileStorage(path, options, file, newest.meta(), newest.slot());
            storage.skippedRevision = skipped.isEmpty() ? null : skipped.get(0);
            return storage;
        } catch (RuntimeException | Error e) {
            file.close();
            throw e;
        }
    }

    /**
     * Why the open did not open the revision the newest meta page names, if it did not: some page
     * that revision wrote did not read back whole ({@link CommitCheck}), so it opened the previous
     * revision. After a crash or power cut that is a commit cut before its sync, which never
     * returned to its caller, so nothing acknowledged is lost; otherwise it is damage to that
     * revision's pages. Either way the next commit overwrites that meta page. Tools such as
     * {@code jodb verify} report it.
     */
    public Optional<String> skippedRevision() {
        return Optional.ofNullable(skippedRevision);
    }

    /** Whether this storage was opened by {@link #openReadOnly}. */
    public boolean isReadOnly() {
        return file.readOnly();
    }

    private void ensureWritable(String operation) {
        if (file.readOnly()) {
            throw new JodbException("cannot " + operation + ": " + path + " is open read-only (FileStorage.openReadOnly,"
                    + " beside the process that writes it); open it with FileStorage.open to write");
        }
    }

    /**
     * The newest candidate whose pages written since its base revision read back whole
     * ({@link CommitCheck}); the previous one if a power cut took some of them (it is whole: its
     * pages are reused only after the newer one is durable). Why each newer candidate was passed
     * over goes into {@code problems}.
     *
     * @throws DamagedFileException if no candidate is whole, naming why for each
     */
    private static MetaPage.Candidate wholeRevision(PageFile file, List<MetaPage.Candidate> candidates,
            List<String> problems) {
        for (MetaPage.Candidate candidate : candidates) {
            file.pageSize(candidate.meta().pageSize());
            String problem = CommitCheck.problem(file, candidate.meta());
            if (problem == null) {
                return candidate;
            }
            problems.add(problem);
        }
        MetaPage newest = candidates.get(0).meta();
        boolean cut = file.size() < newest.pageCount() * newest.pageSize();
        throw new DamagedFileException(file.path() + (cut ? " is truncated" : " is damaged")
                + ": no meta page names a whole revision: " + String.join("; ", problems));
    }

    /** The storage file. */
    public Path path() {
        return path;
    }

    @Override
    public long lastRevision() {
        ensureOpen();
        return revisions.current().revision();
    }

    @Override
    public Snapshot openSnapshot() {
        return new FileSnapshot(this, revisions.pinNewest());
    }

    @Override
    public Snapshot openSnapshot(long revision) {
        return new FileSnapshot(this, revisions.pin(revision));
    }

    @Override
    public long newOid() {
        ensureOpen();
        return nextOid.getAndIncrement();
    }

    /**
     * Writes the next revision under the commit lock, then returns once a group's sync has made it
     * durable ({@link GroupCommit}): concurrent committers share one sync. A conflict with a revision
     * still waiting for its sync is thrown once that revision is durable.
     */
    @Override
    public long commit(Collection<RecordWrite> writes) {
        ensureOpen();
        List<RecordWrite> batch = WriteBatch.validate(writes, types::contains);
        if (!batch.isEmpty()) {
            ensureWritable("commit");
        }
        long revision;
        RuntimeException refused = null;
        commitLock.lock();
        try {
            ensureOpen();
            Head head = tip;
            revision = head.revision();
            try {
                for (RecordWrite write : batch) {
                    checkConflict(head, write);
                    checkNotRemoved(head, write);
                }
            } catch (RuntimeException e) {
                refused = e;
            }
            if (refused == null && !batch.isEmpty()) {
                long[] oids = new long[batch.size()];
                for (int i = 0; i < oids.length; i++) {
                    oids[i] = batch.get(i).oid();
                }
                revision = writeOrClose(head, work -> tree.update(head.root(), entries(batch, work), work), oids,
                        false);
            }
        } finally {
            commitLock.unlock();
        }
        durability.awaitDurable(revision);
        if (refused != null) {
            throw refused;
        }
        return revision;
    }

    /**
     * Commits the next revision and returns once it is durable, holding the commit lock throughout
     * (garbage collection and compaction, which commit on what they just committed).
     */
    private long write(Head head, Function<CommitBatch, NodeRef> treeChange, long[] oids, boolean compacting) {
        long revision = writeOrClose(head, treeChange, oids, compacting);
        durability.awaitDurable(revision);
        return revision;
    }

    /**
     * Writes the next revision and queues it for its sync: {@code treeChange} builds its tree into the
     * batch and returns the new root; {@code oids} go to the change log. A {@code compacting} commit
     * first cuts the free pages at the end of the file off the page count, rewrites the catalog (so
     * it can move too), and once its meta page is durable truncates the file. Under the commit lock.
     * A failure closes the storage: the free runs may already hand out pages of this commit, so only
     * a reopen is safe.
     */
    private long writeOrClose(Head head, Function<CommitBatch, NodeRef> treeChange, long[] oids,
            boolean compacting) {
        try {
            return writeRevision(head, treeChange, oids, compacting);
        } catch (RuntimeException | Error e) {
            closeAfterFailure();
            throw e;
        }
    }

    /**
     * Under the commit lock: waits until the newest written revision is durable, so the published
     * head is the newest and every released extent may be reused (what garbage collection,
     * compaction, stats, verify and close start from). Nothing to wait for once closed.
     */
    private void awaitWritten() {
        if (!revisions.isClosed()) {
            durability.awaitDurable(tip.revision());
        }
    }

    /**
     * The commit recipe, up to queueing the written revision for its group's meta page and sync
     * ({@link GroupCommit}). Every step only writes pages that no durable revision uses, so a crash
     * leaves the previous durable revision until the meta page and the sync make the new one.
     */
    private long writeRevision(Head head, Function<CommitBatch, NodeRef> treeChange, long[] oids,
            boolean compacting) {
        long revision = head.revision() + 1;
        freeReleasedPages();
        long pagesBefore = free.pageCount();
        if (compacting) {
            free.cutTail(); // everything there is free: no revision, durable or pinned, uses it
        }
        CommitBatch work = new CommitBatch(revision, pageSize, free);
        NodeRef root = treeChange.apply(work);
        List<Extent> freedNow = new ArrayList<>();
        int typeCount = types.size();
        NodeRef catalog = writeCatalog(work, typeCount, compacting, freedNow);
        List<PageGroup> superseded = group(work.superseded, revision);
        long committedAt = RetentionWindow.commitTime(options.clock().millis(), head.timestamp());
        Head next = new Head(revision, root, committedAt);
        // Only a restart reads bookkeeping: written last, so every page of the commit is accounted for.
        NodeRef bookkeeping = book.write(work, free, next, revisions.windowStartWith(next, committedAt), superseded,
                freedNow, compacting);
        MetaPage nextMeta = new MetaPage(pageSize, revision, root, bookkeeping, catalog, nextOid.get(),
                free.pageCount(), committedAt, MetaPage.FORMAT_VERSION, null); // the check: when its group is synced
        boolean shrinking = nextMeta.pageCount() < pagesBefore;
        long[][] written = writePages(work);
        long[] dropped = dropped(work.superseded, freedNow);
        meta = nextMeta;
        tip = next;
        durableTypes = typeCount;
        work.nodes.forEach(cache::put);
        revisions.record(next, committedAt, superseded, freedNow, oids);
        revisions.reveal(next);
        durability.add(new WrittenRevision(next, nextMeta, written[0], written[1], dropped, shrinking));
        if (shrinking) {
            // Before cutting the file, the meta page with the smaller page count must be durable:
            // else a crash could leave a meta page naming pages the file no longer has.
            durability.awaitDurable(revision);
            file.truncate(nextMeta.pageCount());
        }
        return revision;
    }

    /** The first page of each extent the commit superseded or freed, for its {@link CommitCheck}. */
    private static long[] dropped(List<NodeRef> superseded, List<Extent> freedNow) {
        long[] pages = new long[superseded.size() + freedNow.size()];
        int i = 0;
        for (NodeRef ref : superseded) {
            pages[i++] = ref.page();
        }
        for (Extent extent : freedNow) {
            pages[i++] = extent.start();
        }
        return pages;
    }

    /**
     * Adds the extents freed by snapshot closes and by earlier commits to the free runs, as far as
     * the revisions that released them are durable (the others wait for their group's sync).
     */
    private void freeReleasedPages() {
        revisions.takeReleased(reuseBeforeSync ? Long.MAX_VALUE : durability.durable(), free::free);
    }

    /**
     * Makes this storage reuse pages freed by revisions still waiting for their group's sync: a
     * broken storage, which the power-cut self-test must catch (a cut then damages the durable
     * revision the open falls back to). Never for real use.
     */
    void reusePagesBeforeTheirSync() {
        commitLock.lock();
        try {
            reuseBeforeSync = true;
        } finally {
            commitLock.unlock();
        }
    }

    /**
     * Writes the type catalog into {@code work} if types were added since the last durable catalog
     * (or always when compacting, so it can move), adding the previous extent to {@code freedNow};
     * returns the catalog the new meta page names.
     */
    private NodeRef writeCatalog(CommitBatch work, int typeCount, boolean compacting, List<Extent> freedNow) {
        NodeRef catalog = meta.catalog();
        if (typeCount > durableTypes || (compacting && typeCount > 0)) {
            int span = types.span(pageSize, typeCount);
            Page extent = types.encode(pageSize, typeCount, work.allocate(span), work.revision);
            work.write(extent);
            if (catalog != null) {
                freedNow.add(catalog.extent());
            }
            catalog = new NodeRef(extent.number(), span, work.revision);
        }
        return catalog;
    }

    /**
     * Writes the commit's pages in file order (no sync); returns the first page of each extent and
     * its {@link CommitCheck#hash}.
     */
    private long[][] writePages(CommitBatch work) {
        work.pages.sort(Comparator.comparingLong(Page::number));
        long[] numbers = new long[work.pages.size()];
        long[] hashes = new long[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            Page page = work.pages.get(i);
            file.write(page);
            numbers[i] = page.number();
            hashes[i] = CommitCheck.hash(page);
        }
        return new long[][] {numbers, hashes};
    }

    /** The leaf entries of a commit, sorted by oid, with large bodies written as overflow extents. */
    private List<LeafEntry> entries(List<RecordWrite> batch, CommitBatch work) {
        List<RecordWrite> sorted = new ArrayList<>(batch);
        sorted.sort(Comparator.comparingLong(RecordWrite::oid));
        int inlineLimit = LeafEntry.inlineLimit(pageSize);
        List<LeafEntry> entries = new ArrayList<>(sorted.size());
        for (RecordWrite write : sorted) {
            int length = RecordLayout.bodyLength(write);
            if (length <= inlineLimit) {
                ByteBuffer body = ByteBuffer.allocate(length);
                RecordLayout.encodeBody(write, body);
                entries.add(LeafEntry.inline(write.oid(), work.revision, body.array()));
            } else {
                int span = Page.spanFor(pageSize, length);
                Page extent = Page.create(pageSize, PageType.OVERFLOW, work.allocate(span), span, work.revision);
                RecordLayout.encodeBody(write, extent.body());
                extent.count(length);
                work.write(extent.seal());
                entries.add(LeafEntry.overflow(write.oid(), work.revision, length,
                        new NodeRef(extent.number(), span, work.revision)));
            }
        }
        return entries;
    }

    private static List<PageGroup> group(List<NodeRef> superseded, long revision) {
        TreeMap<Long, PageGroup> byCreated = new TreeMap<>();
        for (NodeRef ref : superseded) {
            byCreated.computeIfAbsent(ref.created(), c -> new PageGroup(c, revision)).add(ref.extent());
        }
        return new ArrayList<>(byCreated.values());
    }

    private void checkConflict(Head head, RecordWrite write) {
        LeafEntry entry = tree.find(head.root(), write.oid());
        WriteBatch.checkBase(write, entry == null ? 0 : entry.serial());
    }

    /** Refuses a reference to an object garbage collection removed (see {@link #collectGarbage}). */
    private void checkNotRemoved(Head head, RecordWrite write) {
        WriteBatch.checkNotRemoved(write, removed::contains, head.revision());
    }

    /**
     * Marks at a pinned snapshot, then removes the garbage in batches, each its own revision, each
     * rewriting at most {@link #removalBatchLeaves} leaves: the pages a batch supersedes are free for
     * the batch after next (with the default retention), so the file grows by about two batches,
     * not by the size of the tree. The marking pin is closed before the first batch, so it holds
     * none of those pages; a reader pinned elsewhere sees its revision, and every batch's revision
     * is a consistent graph (only unreachable objects are missing). With a retention of {@code k}
     * revisions, the pages of a batch are reused {@code k} batches later.
     */
    @Override
    public GcResult collectGarbage() {
        return collectGarbage(ProgressListener.NONE);
    }

    /**
     * {@link #collectGarbage()}, telling {@code progress} the objects marked ({@code "marking
     * reachable objects"}, of a total not known beforehand) and removed ({@code "removing objects"},
     * batch by batch).
     */
    public GcResult collectGarbage(ProgressListener progress) {
        ensureWritable("collect garbage");
        // Pinned while marking and rechecking: the recheck compares against what this revision held.
        try (FileSnapshot snapshot = (FileSnapshot) openSnapshot()) {
            return ConcurrentCollection.collect(new TreeGraph(snapshot, progress), snapshot.head());
        }
    }

    /**
     * Leaves one garbage-collection batch may rewrite: a thirty-second of the tree, so a small tree
     * grows by a small share too, between 8 and 256 leaves (1 MiB of 4 KiB pages).
     */
    static int removalBatchLeaves(long treeLeaves) {
        return (int) Math.max(8, Math.min(256, treeLeaves / 32));
    }

    /** The object tree as garbage collection walks it. */
    private final class TreeGraph implements ObjectGraph<Head> {
        private final FileSnapshot marking;
        private final ProgressListener progress;
        /** Objects marked in the marked revision. */
        private long marked;

        TreeGraph(FileSnapshot marking, ProgressListener progress) {
            this.marking = marking;
            this.progress = progress;
        }

        @Override
        public long revision(Head head) {
            return head.revision();
        }

        @Override
        public long[] references(Head head, long oid) {
            if (head == marking.head()) {
                progress.progress("marking reachable objects", ++marked, 0);
            }
            Record record = tree.load(head.root(), oid);
            return record == null ? null : record.references();
        }

        @Override
        public void forEachObject(Head head, ObjectSink sink) {
            tree.forEachEntry(head.root(), entry -> sink.object(entry.oid(), entry.serial()));
        }

        @Override
        public long serial(Head head, long oid) {
            LeafEntry entry = tree.find(head.root(), oid);
            return entry == null ? 0 : entry.serial();
        }

        @Override
        public long objectCount(Head head) {
            long[] counter = new long[1];
            tree.forEachEntry(head.root(), entry -> counter[0]++);
            return counter[0];
        }

        @Override
        public List<RevisionChanges> changes(long afterRevision, long lastRevision) {
            return revisions.changes(afterRevision, lastRevision);
        }

        @Override
        public <T> T underCommitLock(Function<Head, T> action) {
            commitLock.lock();
            try {
                ensureOpen();
                awaitWritten();
                return action.apply(revisions.current());
            } finally {
                commitLock.unlock();
            }
        }

        @Override
        public long remove(Head head, long[] oids) {
            marking.close(); // marked and rechecked: it would only hold the pages the batches free
            long[] sorted = oids.clone();
            Arrays.sort(sorted);
            for (long oid : sorted) {
                removed.add(oid);
            }
            int leavesPerBatch = removalBatchLeaves(tree.leafCount(head.root()));
            long revision = head.revision();
            for (int from = 0; from < sorted.length;) {
                Head base = revisions.current();
                int to = tree.endOfBatch(base.root(), sorted, from, leavesPerBatch);
                List<LeafEntry> removals = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    removals.add(LeafEntry.removal(sorted[i]));
                }
                revision = write(base, work -> tree.update(base.root(), removals, work),
                        Arrays.copyOfRange(sorted, from, to), false);
                from = to;
                progress.progress("removing objects", from, sorted.length);
            }
            return revision;
        }
    }

    /**
     * Repacks the object tree in one commit ({@link ObjectTree#repack}: under-full leaves packed
     * full, branches rebuilt full; a dense tree is left as it is), then moves live pages from the
     * end of the file into free pages nearer its start and truncates the file, in up to
     * {@value #COMPACTION_PASSES} commits that change no object (see {@link ObjectTree#relocate}).
     * A repacked or moved page is copied, not overwritten: the copy belongs to the new revision, the original is superseded and held by the interval rule for as long as a
     * pinned or retained revision can see it, so readers keep working and see their own revision
     * exactly. Only pages that are free are cut off, so what pinned readers hold at the end of the
     * file keeps the file long until they close (a later compaction cuts it then).
     */
    @Override
    public CompactionResult compact() {
        return compact(ProgressListener.NONE);
    }

    /**
     * {@link #compact()}, telling {@code progress} when the tree is repacked ({@code "repacking the
     * tree"}, 0 then 1 of 1) and each moving commit ({@code "moving pages: commits"}, of at most
     * {@value #COMPACTION_PASSES}).
     */
    public CompactionResult compact(ProgressListener progress) {
        ensureWritable("compact");
        commitLock.lock();
        try {
            ensureOpen();
            awaitWritten();
            long bytesBefore = file.size();
            long moved = 0;
            Head unpacked = revisions.current();
            if (unpacked.root() != null) {
                progress.progress("repacking the tree", 0, 1);
                write(unpacked, work -> tree.repack(unpacked.root(), work), new long[0], false);
                progress.progress("repacking the tree", 1, 1);
            }
            int idle = 0;
            for (int pass = 0; pass < COMPACTION_PASSES && idle < 2; pass++) {
                long pagesBefore = free.pageCount();
                long[] movedNow = new long[1];
                Head head = revisions.current();
                write(head, work -> {
                    // Where the file would end if the pages not free were packed at its start.
                    long boundary = free.pageCount() - free.freeCount();
                    NodeRef root = tree.relocate(head.root(), boundary, work);
                    movedNow[0] = work.relocated;
                    return root;
                }, new long[0], true);
                moved += movedNow[0];
                // A pass that neither moved nor cut may still have freed the tail (the catalog it
                // moved, the previous bookkeeping): only the next pass can cut that.
                idle = movedNow[0] == 0 && free.pageCount() >= pagesBefore ? idle + 1 : 0;
                progress.progress("moving pages: commits", pass + 1, COMPACTION_PASSES);
            }
            return new CompactionResult(revisions.current().revision(), bytesBefore, file.size(), moved);
        } finally {
            commitLock.unlock();
        }
    }

    @Override
    public List<RevisionInfo> retainedRevisions() {
        return revisions.retained();
    }

    @Override
    public List<RevisionChanges> changesSince(long afterRevision) {
        if (afterRevision < 0) {
            throw new IllegalArgumentException("negative revision " + afterRevision);
        }
        return revisions.changesSince(afterRevision);
    }

    @Override
    public int typeId(String descriptor) {
        ensureOpen();
        return types.idOf(descriptor);
    }

    @Override
    public String typeDescriptor(int id) {
        ensureOpen();
        return types.descriptorOf(id);
    }

    /**
     * Page accounting now; waits for a commit in progress. The tree's fill comes from walking every
     * page of the newest tree, once per revision: the first call after a commit reads the tree.
     */
    /**
     * Only records stored in overflow extents: one held inline in a tree leaf is decoded again from
     * the leaf the node cache keeps, about as fast as a record cache lookup, and putting every small
     * record of a bulk load into the record cache doubled the load's cost.
     */
    @Override
    public boolean worthCaching(Record record) {
        return RecordLayout.bodyLength(record) > LeafEntry.inlineLimit(pageSize);
    }

    @Override
    public FileStorageStats stats() {
        commitLock.lock();
        try {
            awaitWritten();
            ReadableRevisions.Accounting held = revisions.accounting();
            TreeSpace walked = treeSpace();
            long freePages = free.freeCount() + held.releasedPages();
            long pageCount = free.pageCount();
            return new FileStorageStats(held.revision(), pageSize, pageCount,
                    pageCount - freePages - held.pendingPages(), freePages, held.pendingPages(),
                    held.pinnedRevisions(), held.openPins(), file.size(), file.bytesWritten(), file.forces(),
                    walked.pages(), walked.fill(pageSize));
        } finally {
            commitLock.unlock();
        }
    }

    /**
     * The newest tree's space, walked once per revision (under the commit lock); as last known once
     * the storage is closed, when its pages can no longer be read.
     */
    private TreeSpace treeSpace() {
        Head head = revisions.current();
        if (revisions.isClosed()) {
            return space == null ? TreeSpace.EMPTY : space;
        }
        if (spaceRevision != head.revision() || space == null) {
            space = tree.space(head.root());
            spaceRevision = head.revision();
        }
        return space;
    }

    /**
     * Walks every page of the newest revision and every pending and free page, checking checksums
     * and that each page is exactly one of live, pending or free. Blocks commits while it runs.
     *
     * @throws VerifyFailedException listing the problems found, with the damaged pages and the oids
     *                               they hold
     */
    public VerifyResult verify() {
        return verify(ProgressListener.NONE);
    }

    /** {@link #verify()}, telling {@code progress} the pages read ({@code "verifying pages"}, of the page count). */
    public VerifyResult verify(ProgressListener progress) {
        commitLock.lock();
        try {
            ensureOpen();
            awaitWritten();
            ReadableRevisions.Held held = revisions.held();
            List<Extent> freeExtents = new ArrayList<>(free.runs());
            freeExtents.addAll(held.released());
            return new Verifier(file, meta, held.groups(), freeExtents, book, progress).run();
        } finally {
            commitLock.unlock();
        }
    }

    /** The number of runs the free pages form now (for tests of the accounting). */
    int freeRunCount() {
        commitLock.lock();
        try {
            return free.runCount();
        } finally {
            commitLock.unlock();
        }
    }

    /** Closes the file; open snapshots become unusable. Closing again is harmless. */
    @Override
    public void close() {
        commitLock.lock();
        try {
            try {
                awaitWritten(); // what committers wait for reaches the disk before the file closes
            } catch (RuntimeException e) {
                // the failed sync closed the storage already
            }
            if (!revisions.close()) {
                return;
            }
            file.close();
            cache.clear();
        } finally {
            commitLock.unlock();
        }
    }

    private void closeAfterFailure() {
        revisions.close();
        file.close();
        cache.clear();
    }

    /**
     * The format version of the newest meta page: the file's own until this jodb's first commit to
     * it, which writes {@code MetaPage.FORMAT_VERSION} (see {@link MetaPage}).
     */
    public int formatVersion() {
        commitLock.lock();
        try {
            ensureOpen();
            return meta.formatVersion();
        } finally {
            commitLock.unlock();
        }
    }

    /** The number of records (objects) the snapshot's revision holds, counted from its leaf pages. */
    public long recordCount(Snapshot snapshot) {
        long[] count = new long[1];
        tree.forEachEntry(own(snapshot).head().root(), entry -> count[0]++);
        return count[0];
    }

    /**
     * Calls {@code action} with every record of the snapshot's revision, in oid order, read like
     * {@link Snapshot#load}: for tools that walk a whole database (the {@code jodb} command's
     * stats, dump and copy).
     *
     * @throws IllegalArgumentException if {@code snapshot} was not opened by this storage
     */
    public void forEachRecord(Snapshot snapshot, java.util.function.Consumer<Record> action) {
        tree.forEachEntry(own(snapshot).head().root(), entry -> action.accept(snapshot.load(entry.oid())));
    }

    private FileSnapshot own(Snapshot snapshot) {
        if (!(snapshot instanceof FileSnapshot own) || !own.belongsTo(this)) {
            throw new IllegalArgumentException(snapshot + " was not opened by the storage of " + path);
        }
        return own;
    }

    Record load(Head head, long oid) {
        if (oid < ROOT_OID) {
            throw new IllegalArgumentException("invalid oid " + Record.hex(oid) + ": oids start at 1");
        }
        return tree.load(head.root(), oid);
    }

    /** The leaf of {@code oid} in {@code head}'s tree: {@code recent}, a leaf of it, if it spans the oid. */
    LeafNode leaf(Head head, long oid, LeafNode recent) {
        if (oid < ROOT_OID) {
            throw new IllegalArgumentException("invalid oid " + Record.hex(oid) + ": oids start at 1");
        }
        return head.root() == null ? null : tree.leaf(head.root(), oid, recent);
    }

    /** The record of {@code oid} in {@code leaf}, the leaf of its tree whose range holds it, or null. */
    Record load(LeafNode leaf, long oid) {
        return leaf == null ? null : tree.load(leaf, oid);
    }

    void unpin(long revision) {
        revisions.unpin(revision);
    }

    void ensureOpen() {
        revisions.ensureOpen();
    }
}
