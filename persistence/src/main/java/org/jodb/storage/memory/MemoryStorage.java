package org.jodb.storage.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jodb.ConflictException;
import org.jodb.storage.GcResult;
import org.jodb.storage.Record;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.RevisionChanges;
import org.jodb.storage.RevisionInfo;
import org.jodb.storage.Snapshot;
import org.jodb.storage.Storage;
import org.jodb.storage.internal.ChangeLog;
import org.jodb.storage.internal.ConcurrentCollection;
import org.jodb.storage.internal.ObjectGraph;
import org.jodb.storage.internal.OidMarks;
import org.jodb.storage.internal.TypeTable;
import org.jodb.storage.internal.WriteBatch;

/**
 * A {@link Storage} held in memory, with the semantics of the file storage: for tests, and for
 * applications that need transactions and snapshots but no durability.
 *
 * <p><b>Model.</b> Each oid maps to a chain of record versions; revisions number the commits from
 * 1 (an empty storage is at revision 0). A snapshot of revision {@code r} reads, for each oid, the
 * newest version whose serial is at most {@code r}.
 *
 * <p><b>Commits</b> are serialized. A commit first validates everything and writes nothing if any
 * write is malformed ({@link IllegalArgumentException}) or conflicts ({@link ConflictException}):
 * each write's base serial must be the object's current serial, 0 meaning the object must not exist.
 * An empty commit creates no revision and returns {@link #lastRevision()}. Payload and reference
 * arrays are immutable by contract and are stored and returned without copying.
 *
 * <p><b>Reclamation</b> follows the interval rule: a version created at revision {@code c} and
 * superseded at {@code R} is held only while a pinned revision {@code r} with {@code c <= r < R}
 * exists or the retention window covers part of {@code [c, R)}; it is dropped by the commit that
 * supersedes it or by the snapshot close that releases its last such pin (see {@link Reclaimer}).
 * So a long-lived reader holds the versions it can see and nothing else.
 *
 * <p><b>Retained revisions.</b> {@link #openSnapshot(long)} accepts the {@code retainedRevisions}
 * newest revisions (by default 1: only the newest) and any revision currently pinned by an open
 * snapshot; older revisions may have lost versions and are refused.
 *
 * <p><b>Thread-safety.</b> All methods are thread-safe. Loads take no lock: version chains are
 * immutable and replaced whole, and a commit publishes its versions before its revision number, so a
 * snapshot never sees part of a commit. Commits, pins and reclamation share one monitor. After
 * {@link #close()} every method except {@code close} throws {@link IllegalStateException}.
 */
public final class MemoryStorage implements Storage {
    /** Default number of revisions whose changes {@link #changesSince} can report. */
    public static final int DEFAULT_CHANGE_LOG_REVISIONS = 100_000;

    private final Object lock = new Object();
    private final ConcurrentHashMap<Long, VersionChain> objects = new ConcurrentHashMap<>();
    private final AtomicLong nextOid = new AtomicLong(FIRST_OID);
    private final TypeTable types = new TypeTable();
    private final ChangeLog changeLog;
    private final Reclaimer reclaimer;
    private volatile long lastRevision;
    private volatile boolean closed;
    private long heldVersions; // guarded by lock
    /** Commit times of the revisions that may still be opened (window and pins). */
    private final java.util.TreeMap<Long, Long> commitTimes = new java.util.TreeMap<>(); // guarded by lock
    private long removedChains; // guarded by lock: chains whose newest version is a removal
    private final OidMarks removed = new OidMarks(); // guarded by lock: oids garbage collection removed

    /** A storage with the default change log and only the newest revision retained. */
    public MemoryStorage() {
        this(DEFAULT_CHANGE_LOG_REVISIONS, 1);
    }

    /**
     * @param changeLogRevisions how many newest revisions {@link #changesSince} covers, at least 1
     * @param retainedRevisions  how many newest revisions stay openable without a pin, at least 1
     */
    public MemoryStorage(int changeLogRevisions, int retainedRevisions) {
        if (changeLogRevisions < 1) {
            throw new IllegalArgumentException("changeLogRevisions must be >= 1: " + changeLogRevisions);
        }
        if (retainedRevisions < 1) {
            throw new IllegalArgumentException("retainedRevisions must be >= 1: " + retainedRevisions);
        }
        this.changeLog = new ChangeLog(changeLogRevisions);
        this.reclaimer = new Reclaimer(retainedRevisions);
    }

    @Override
    public long lastRevision() {
        ensureOpen();
        return lastRevision;
    }

    @Override
    public Snapshot openSnapshot() {
        synchronized (lock) {
            ensureOpen();
            reclaimer.pin(lastRevision);
            return new MemorySnapshot(this, lastRevision);
        }
    }

    @Override
    public Snapshot openSnapshot(long revision) {
        synchronized (lock) {
            ensureOpen();
            long last = lastRevision;
            if (revision < 0 || revision > last) {
                throw new IllegalArgumentException(
                        "revision " + revision + " does not exist (last revision is " + last + ")");
            }
            if (!reclaimer.isRetained(revision, last) && !reclaimer.isPinned(revision)) {
                throw new IllegalArgumentException("revision " + revision + " is no longer retained"
                        + " (last revision is " + last + "; only the newest and pinned revisions are)");
            }
            reclaimer.pin(revision);
            return new MemorySnapshot(this, revision);
        }
    }

    @Override
    public long newOid() {
        ensureOpen();
        return nextOid.getAndIncrement();
    }

    @Override
    public long commit(Collection<RecordWrite> writes) {
        ensureOpen();
        List<RecordWrite> batch = WriteBatch.validate(writes, types::contains);
        synchronized (lock) {
            ensureOpen();
            for (RecordWrite write : batch) {
                checkConflict(write);
                checkNotRemoved(write);
            }
            if (batch.isEmpty()) {
                return lastRevision;
            }
            long revision = lastRevision + 1;
            List<SupersededVersion> superseded = new ArrayList<>();
            long[] oids = new long[batch.size()];
            int i = 0;
            for (RecordWrite write : batch) {
                Record record = new Record(write.oid(), revision, write.classId(), write.references(),
                        write.payload());
                VersionChain chain = objects.get(write.oid());
                if (chain == null) {
                    objects.put(write.oid(), VersionChain.of(record));
                } else {
                    superseded.add(new SupersededVersion(write.oid(), chain.newest().serial(), revision));
                    objects.put(write.oid(), chain.append(record));
                }
                oids[i++] = write.oid();
            }
            heldVersions += batch.size();
            return publish(revision, oids, superseded);
        }
    }

    /**
     * Logs and publishes {@code revision}, whose versions are in place, then drops what it
     * superseded that no pinned or retained revision can see. Under the lock.
     */
    private long publish(long revision, long[] oids, List<SupersededVersion> superseded) {
        changeLog.add(revision, oids);
        recordCommitTime(revision);
        // Publish the revision only after its versions: a snapshot opened at it sees them all.
        lastRevision = revision;
        drop(reclaimer.committed(superseded, revision));
        return revision;
    }

    /** Refuses a reference to an object garbage collection removed (see {@link #collectGarbage}). */
    private void checkNotRemoved(RecordWrite write) {
        WriteBatch.checkNotRemoved(write, removed::contains, lastRevision);
    }

    @Override
    public GcResult collectGarbage() {
        // Pinned throughout, so the versions the recheck compares against stay.
        try (Snapshot snapshot = openSnapshot()) {
            return ConcurrentCollection.collect(new ChainGraph(), snapshot.revision());
        }
    }

    /** The version chains as garbage collection walks them; a head is a revision number. */
    private final class ChainGraph implements ObjectGraph<Long> {
        @Override
        public long revision(Long head) {
            return head;
        }

        @Override
        public long[] references(Long head, long oid) {
            Record record = load(oid, head);
            return record == null ? null : record.references();
        }

        @Override
        public void forEachObject(Long head, ObjectSink sink) {
            objects.forEach((oid, chain) -> {
                Record visible = chain.visibleAt(head);
                if (visible != null && !VersionChain.isRemoval(visible)) {
                    sink.object(oid, visible.serial());
                }
            });
        }

        @Override
        public long serial(Long head, long oid) {
            VersionChain chain = objects.get(oid);
            return chain == null ? 0 : chain.newest().serial();
        }

        @Override
        public long objectCount(Long head) {
            return objects.size() - removedChains;
        }

        @Override
        public List<RevisionChanges> changes(long afterRevision, long lastRevision) {
            return changeLog.since(afterRevision, lastRevision);
        }

        @Override
        public <T> T underCommitLock(Function<Long, T> action) {
            synchronized (lock) {
                ensureOpen();
                return action.apply(lastRevision);
            }
        }

        @Override
        public long remove(Long head, long[] oids) {
            long revision = head + 1;
            List<SupersededVersion> superseded = new ArrayList<>();
            for (long oid : oids) {
                VersionChain chain = objects.get(oid);
                superseded.add(new SupersededVersion(oid, chain.newest().serial(), revision));
                objects.put(oid, chain.append(VersionChain.removal(oid, revision)));
                removed.add(oid);
            }
            removedChains += oids.length;
            return publish(revision, oids, superseded);
        }
    }

    /** Remembers when {@code revision} committed and forgets the times no one can open any more. */
    private void recordCommitTime(long revision) {
        commitTimes.put(revision, System.currentTimeMillis());
        commitTimes.headMap(revision, false).keySet()
                .removeIf(old -> !reclaimer.isRetained(old, revision) && !reclaimer.isPinned(old));
    }

    @Override
    public List<RevisionInfo> retainedRevisions() {
        synchronized (lock) {
            ensureOpen();
            java.util.TreeSet<Long> revisions = new java.util.TreeSet<>(reclaimer.pinnedRevisionSet());
            for (long revision = lastRevision; revision >= 0 && reclaimer.isRetained(revision, lastRevision);
                    revision--) {
                revisions.add(revision);
            }
            List<RevisionInfo> newestFirst = new ArrayList<>();
            for (long revision : revisions.descendingSet()) {
                Long time = commitTimes.get(revision);
                newestFirst.add(new RevisionInfo(revision, time == null ? null : java.time.Instant.ofEpochMilli(time)));
            }
            return newestFirst;
        }
    }

    private void checkConflict(RecordWrite write) {
        VersionChain chain = objects.get(write.oid());
        WriteBatch.checkBase(write,
                chain == null || VersionChain.isRemoval(chain.newest()) ? 0 : chain.newest().serial());
    }

    @Override
    public List<RevisionChanges> changesSince(long afterRevision) {
        if (afterRevision < 0) {
            throw new IllegalArgumentException("negative revision " + afterRevision);
        }
        synchronized (lock) {
            ensureOpen();
            return changeLog.since(afterRevision, lastRevision);
        }
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

    /** None: the records already are in memory, and a record cache would only copy them. */
    @Override
    public long preferredRecordCacheBytes() {
        return 0;
    }

    /** What the storage holds now; used to observe reclamation. */
    @Override
    public MemoryStorageStats stats() {
        synchronized (lock) {
            ensureOpen();
            return new MemoryStorageStats(lastRevision, objects.size() - removedChains, heldVersions,
                    reclaimer.pending(), reclaimer.pinnedRevisions(), reclaimer.openPins());
        }
    }

    /** Closes the storage and drops its data; closing again is harmless. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            objects.clear();
        }
    }

    /** The version of {@code oid} visible at {@code revision}; lock-free. */
    Record load(long oid, long revision) {
        ensureOpen();
        if (oid < ROOT_OID) {
            throw new IllegalArgumentException("invalid oid " + Record.hex(oid) + ": oids start at 1");
        }
        VersionChain chain = objects.get(oid);
        Record record = chain == null ? null : chain.visibleAt(revision);
        if (record != null && VersionChain.isRemoval(record)) {
            record = null;
        }
        // close() clears the map: a read racing with it must not return "absent" as an answer.
        ensureOpen();
        return record;
    }

    /** Releases one pin of {@code revision}, reclaiming what only it held. */
    void unpin(long revision) {
        synchronized (lock) {
            if (!closed) {
                drop(reclaimer.unpin(revision));
            }
        }
    }

    private void drop(List<SupersededVersion> free) {
        for (SupersededVersion version : free) {
            VersionChain chain = objects.computeIfPresent(version.oid(),
                    (oid, held) -> held.without(version.created()));
            if (chain != null && chain.isOnlyRemoval()) {
                objects.remove(version.oid());
                removedChains--;
            }
            heldVersions--;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("storage closed");
        }
    }
}
