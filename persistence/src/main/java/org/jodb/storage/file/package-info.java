/**
 * The embedded storage: {@link org.jodb.storage.file.FileStorage}, one file of checksummed pages
 * holding a copy-on-write B+tree oid &rarr; record per revision, superseded pages reclaimed by the
 * interval rule. This is the one home of the file format and of the storage's locking.
 *
 * <p><b>Key types.</b> Public (all API, none internal): {@link org.jodb.storage.file.FileStorage},
 * {@link org.jodb.storage.file.FileStorageOptions}, {@link org.jodb.storage.file.FileStorageStats},
 * {@link org.jodb.storage.file.VerifyResult}, {@link org.jodb.storage.file.CorruptPageException}; why an
 * open or a verify failed, for tools that must tell the cases apart (the {@code jodb} command):
 * {@link org.jodb.storage.file.StorageLockedException}, {@link org.jodb.storage.file.NotAStorageFileException},
 * {@link org.jodb.storage.file.DamagedFileException} (truncated, both meta pages corrupt, or a corrupt
 * page: {@link org.jodb.storage.file.CorruptPageException}),
 * {@link org.jodb.storage.file.NewerFormatException}, {@link org.jodb.storage.file.VerifyFailedException}
 * with its {@link org.jodb.storage.file.DamagedPage}s.
 * A file can also be opened read-only beside the process that writes it
 * ({@link org.jodb.storage.file.FileStorage#openReadOnly}, without the lock); a read of a revision the
 * writer has reused since fails with {@link org.jodb.storage.file.RevisionOverwrittenException}
 * ({@link org.jodb.storage.file.ConcurrentWriter} tells that from damage).
 * Package-private: {@link org.jodb.storage.file.ObjectTree} (the tree, read and copy-on-write
 * update), {@link org.jodb.storage.file.CommitBatch} (what one commit writes and supersedes),
 * {@link org.jodb.storage.file.FreePages}, {@link org.jodb.storage.file.PendingPages} and
 * {@link org.jodb.storage.file.RetentionWindow} (reclamation),
 * {@link org.jodb.storage.file.ReadableRevisions} (what the pin lock guards), {@link org.jodb.storage.file.PageFile}
 * (checked positional I/O, the file lock), {@link org.jodb.storage.file.NodeCache} (decoded tree
 * pages), {@link org.jodb.storage.file.Verifier}; creation through
 * {@link org.jodb.storage.file.StorageDirectory} and {@link org.jodb.storage.file.PageChannel},
 * the seams the power-cut tests replace.
 *
 * <h2>The file format (version 3, {@code MetaPage.FORMAT_VERSION})</h2>
 *
 * <p>The file is an array of pages of one size (a power of two from 1 KiB to 64 KiB, 4 KiB by
 * default). An <em>extent</em> is a run of contiguous pages written as one unit with one header.
 * Integers are big-endian; sizes in bytes in parentheses.
 *
 * <table class="striped">
 * <caption>On-disk structures</caption>
 * <thead><tr><th>structure</th><th>what it holds</th><th>layout</th><th>owner</th></tr></thead>
 * <tbody>
 * <tr><td>page header</td><td>the start of every page and extent</td><td>CRC32C of bytes
 *     {@code [4, end)} of the whole extent (4), type code (1, {@link org.jodb.storage.file.PageType}),
 *     zero (3), span in pages (4), count (4, meaning by type), the page's own number (8), the
 *     revision that created it (8): 32 bytes</td><td>{@link org.jodb.storage.file.Page}</td></tr>
 * <tr><td>meta page (the file header): pages 0 and 1</td><td>the root of one committed revision,
 *     in the slot that does not hold the newest durable one; the newest intact one whose commit
 *     check passes is opened, else the other</td><td>header (number = slot,
 *     created = revision), magic {@code "JODB"} (4, at file offset 32), format version (4), page
 *     size (4), zero (4), revision (8), tree root, bookkeeping extent and catalog extent (each page,
 *     span, created: 8 + 8 + 8), next oid (8), page count (8: the high-water mark), commit time in
 *     epoch ms (8); from version 3 the commit check: base revision (8), count (8) and digest (8)
 *     of the extents written since the base that the revision uses</td>
 *     <td>{@link org.jodb.storage.file.MetaPage}, {@link org.jodb.storage.file.CommitCheck}</td></tr>
 * <tr><td>branch page</td><td>an inner node of the object tree</td><td>header (count = children),
 *     then per child: smallest oid of its subtree (8), page (8), created revision (8)</td>
 *     <td>{@link org.jodb.storage.file.BranchNode}</td></tr>
 * <tr><td>leaf page</td><td>records sorted by oid, inline or pointing to an overflow extent</td>
 *     <td>header (count = entries), then per entry: oid (8), serial (8), kind (1: 0 inline,
 *     1 overflow), body length (4), then the record body, or the overflow extent's page (8) and
 *     created revision (8). Inline while the body is at most
 *     {@code (pageSize - 32) / 4 - 21} bytes ({@code LeafEntry.inlineLimit})</td>
 *     <td>{@link org.jodb.storage.file.LeafEntry}; read in place by
 *     {@link org.jodb.storage.file.PackedEntries}; the page by
 *     {@link org.jodb.storage.file.LeafNode}</td></tr>
 * <tr><td>record body</td><td>one record, the same inline and in an overflow extent</td><td>layout
 *     (class) id (4), reference count (4), the referenced oids (8 each), the payload to the end</td>
 *     <td>{@link org.jodb.storage.file.RecordLayout}</td></tr>
 * <tr><td>overflow extent</td><td>a record body too large for a leaf</td><td>header (count = body
 *     length; span = pages for header and body), then the record body</td>
 *     <td>{@link org.jodb.storage.file.Page} and {@link org.jodb.storage.file.RecordLayout}; written
 *     by {@code FileStorage}, read by {@link org.jodb.storage.file.ObjectTree}</td></tr>
 * <tr><td>revision entry (the meta page's bookkeeping extent)</td><td>what one commit adds to the
 *     accounting a reopen needs: its head, the groups it superseded that the retention window
 *     keeps, the free-map index pages; entries of retained revisions chain newest first</td>
 *     <td>header (count = body length, created = the revision); window start (8); previous entry
 *     page (8, 0 = none), span (4), created (8); heads: count (4), per head revision (8), root page
 *     (8, 0 = empty tree), root's created revision (8), commit time (8); groups: count (4), per
 *     group created (8), superseded (8), extent count (4), per extent start (8) and span (4);
 *     free-map index pages: count (4), per page (8, 0 = none) and created (8)</td>
 *     <td>{@link org.jodb.storage.file.RevisionEntry}, written by
 *     {@link org.jodb.storage.file.DurableBookkeeping}</td></tr>
 * <tr><td>free-map index page</td><td>pointers to free-map chunks, {@code (pageSize - 32) / 16}
 *     per page</td><td>header (count = pointers); per chunk page (8, 0 = every bit clear) and
 *     created (8)</td><td>{@link org.jodb.storage.file.FreeMapIndex}</td></tr>
 * <tr><td>free-map chunk</td><td>one bit per page, set if the page is free once this revision is
 *     reopened; a commit rewrites only the chunks it changed</td><td>header (count = the chunk's
 *     index); {@code (pageSize - 32) * 8} bits as big-endian longs, bit {@code i % 64} of long
 *     {@code i / 64} for page {@code index * (pageSize - 32) * 8 + i}</td>
 *     <td>{@link org.jodb.storage.file.FreeMap}</td></tr>
 * <tr><td>bookkeeping extent (versions 1 and 2, read only)</td><td>the whole page accounting,
 *     rewritten by every commit</td><td>header (count = body length); retained heads, free runs,
 *     pending groups</td><td>{@link org.jodb.storage.file.Bookkeeping}</td></tr>
 * <tr><td>catalog extent</td><td>every registered type descriptor (class names, layouts); the id
 *     is the position, from 1; rewritten whole when types were added</td><td>header (count =
 *     descriptors), then per descriptor its UTF-8 length (4) and bytes</td>
 *     <td>{@link org.jodb.storage.file.FileTypeCatalog}</td></tr>
 * </tbody>
 * </table>
 *
 * <p>Every read checks the checksum, page number, type, span and, against the pointer, the created
 * revision ({@code PageFile.read}), so a torn, misdirected, stale or reused page is a
 * {@link org.jodb.storage.file.CorruptPageException}, never data.
 *
 * <p><b>One sync per commit, shared.</b> A commit writes all its pages at pages no durable revision
 * uses, under the commit lock, and queues its revision. A leader ({@link org.jodb.storage.file.GroupCommit})
 * writes the meta page of the newest queued revision into the slot not holding the newest durable
 * one and syncs once (only with {@link org.jodb.storage.file.FileStorageOptions#sync}) for every
 * revision queued; each committer returns once its revision is durable. Readers see a revision as
 * soon as it is written (so a transaction begun during a sync reads the newest state and rarely
 * conflicts); a power cut may take such a revision, never one whose commit returned. So the meta page may reach the disk without some of its pages: the open accepts it only
 * if the pages written since its base revision read back with the count and digest it names
 * ({@link org.jodb.storage.file.CommitCheck}), else it opens the other slot. That one is whole because
 * a page superseded or freed by a revision is reused only once that revision is durable (released
 * extents carry the revision whose sync must come first), and the newest revision a reader can pin
 * is held for it while the next is being recorded. The price: damage to a page the newest commit
 * wrote looks like a power cut, and the open falls back to the revision before it. How the two meta
 * slots are judged, format versions, and creation under a temporary name:
 * {@link org.jodb.storage.file.MetaPage} and
 * {@link org.jodb.storage.file.FileStorage#open(java.nio.file.Path, org.jodb.storage.file.FileStorageOptions)}.
 *
 * <h2>Space</h2>
 *
 * <p>Three things keep the file near the size of its live data. Removals merge a rewritten node
 * under half full with a sibling ({@link org.jodb.storage.file.ObjectTree}), and appends fill the
 * rightmost leaves completely. Garbage collection removes in batches of a bounded number of leaves,
 * each its own revision, so each batch reuses the pages the batch before freed instead of the file
 * growing by a second tree. Compaction first repacks the tree (under-full leaves packed, branches
 * rebuilt full: {@code ObjectTree.repack}), then moves live pages off the end of the file and cuts
 * it. {@link org.jodb.storage.file.FileStorageStats#treeFill()} and
 * {@link org.jodb.storage.file.FileStorageStats#reclaimableBytes()} tell when compacting is worth it.
 *
 * <h2>The locks of {@code FileStorage}</h2>
 *
 * <table class="striped">
 * <caption>Locks, in the order they are taken</caption>
 * <thead><tr><th>lock</th><th>guards</th><th>held by</th></tr></thead>
 * <tbody>
 * <tr><td>{@code commitLock} (a {@code ReentrantLock}), taken first</td><td>the free runs
 *     ({@code FreePages}), the durable meta page, how many catalog types are durable, the oids
 *     garbage collection removed, the newest written revision; so at most one revision is being
 *     written</td><td>commits (not while they wait for their sync), garbage collection's sweep,
 *     compaction, {@code stats()}, {@code verify()}, {@code close()} (these wait for every written
 *     revision to be durable first); held across page writes</td></tr>
 * <tr><td>the group's monitor ({@link org.jodb.storage.file.GroupCommit}), briefly</td><td>the queue of
 *     written revisions, the newest durable revision, the leader flag</td><td>committers queueing and
 *     waiting; never across I/O: the leader writes the meta page and syncs outside it</td></tr>
 * <tr><td>the pin lock: the monitor of {@link org.jodb.storage.file.ReadableRevisions}, which owns
 *     everything it guards; taken second and briefly</td><td>pins and held groups
 *     ({@code PendingPages}), the {@code RetentionWindow}, the readable heads by revision, the
 *     extents released since the last commit, the {@code ChangeLog}, and the publication of the
 *     newest head and of {@code closed}</td><td>opening and closing snapshots, three short sections of
 *     every commit (take the released extents, find where the retention window will start,
 *     publish), {@code changesSince}, {@code retainedRevisions}; never across I/O, so opening a
 *     snapshot never waits for a commit's forces</td></tr>
 * </tbody>
 * </table>
 *
 * <p>Loads take neither: a snapshot walks its revision's immutable tree from the root it captured.
 * The type catalog has its own monitor ({@code TypeTable}), so registering a type never waits for a
 * commit; oids come from an atomic counter; the node cache locks itself.
 *
 * <h2>Glossary</h2>
 *
 * <dl>
 * <dt>revision</dt><dd>the number of a commit, from 1 (0: the new, empty file); named by its meta
 *     page and, in memory, by a {@code Head} (revision, tree root, commit time).</dd>
 * <dt>serial</dt><dd>the revision that wrote a record, kept in its leaf entry; a write conflicts
 *     unless its base serial is the record's current serial.</dd>
 * <dt>created revision</dt><dd>the revision whose commit wrote a page; in its header and in every
 *     pointer to it ({@code NodeRef}: page, span, created).</dd>
 * <dt>extent</dt><dd>a run of contiguous pages ({@code Extent}: start, span): a tree page (span 1),
 *     an overflow, bookkeeping or catalog extent, or a run of free pages.</dd>
 * <dt>page count</dt><dd>the high-water mark: pages at or beyond it hold nothing; compaction
 *     lowers it and truncates the file to it, and so does a commit that gives back a page of the
 *     free run ending the file ({@code CommitBatch.discard}). So the older meta page may name more
 *     pages than the file has; if the newest is damaged and the open falls back to it, the missing
 *     pages were free in its revision too: opening lowers the page count to the file's end when only
 *     free pages are missing, and refuses the file as truncated when a page in use is.</dd>
 * <dt>superseded</dt><dd>replaced by a commit: a page created at {@code c} and replaced by the commit
 *     of {@code R} is visible exactly to the revisions {@code [c, R)}; such pages are grouped by
 *     interval ({@code PageGroup}).</dd>
 * <dt>pin</dt><dd>an open snapshot's hold on its revision, counted per revision; nothing the
 *     revision can see is freed while it lasts.</dd>
 * <dt>retention</dt><dd>the revisions openable without a pin: the newest
 *     {@code keepRevisions} and those committed within {@code keepHistory}, a suffix
 *     {@code [start, last]} ({@code RetentionWindow}); recorded in the bookkeeping, so it survives a
 *     restart.</dd>
 * <dt>interval rule</dt><dd>a group {@code [c, R)} is held while some pin {@code r} has
 *     {@code c <= r < R} or while {@code R} is after the retention window's start, and is free
 *     otherwise; unlike LMDB's rule, a long-lived reader holds only what its revision sees.</dd>
 * <dt>pending</dt><dd>superseded pages the interval rule still holds ({@code PendingPages}); those
 *     the retention window holds are recorded in the revision entries, those only a pin holds are
 *     free in the durable free map (pins do not survive a restart).</dd>
 * <dt>released</dt><dd>extents that became free since the last commit (a snapshot close, the rule
 *     at a commit, the previous catalog and bookkeeping extents); a commit adds to the free runs
 *     those released by durable revisions, so a page freed by commit {@code R} is reused only by
 *     commits after {@code R}, once {@code R} is durable.</dd>
 * <dt>free</dt><dd>pages any commit may write: runs below the page count ({@code FreePages}),
 *     lowest run that fits first.</dd>
 * <dt>durable free map</dt><dd>the pages free once the revision being written is reopened: a bitmap
 *     ({@code FreeMap}) that follows every allocation and free, of which a commit writes only the
 *     chunks it changed ({@code DurableBookkeeping}).</dd>
 * <dt>inline / overflow</dt><dd>a record body stored in its leaf entry, or in an extent of its
 *     own that the entry points to.</dd>
 * <dt>sync</dt><dd>forcing the file's data to the disk once after a group's pages and meta page;
 *     what a power cut can and cannot take is in {@link org.jodb.storage.file.FileStorageOptions}.</dd>
 * <dt>durable, base</dt><dd>a revision is durable once a synced meta page names it or a later one;
 *     a meta page's base is the newest durable revision when it was written, the open's fallback.</dd>
 * </dl>
 */
package org.jodb.storage.file;
