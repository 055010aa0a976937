package org.jodb.storage;

import java.util.Collection;
import java.util.List;
import org.jodb.ConflictException;
import org.jodb.DatabaseOptions;

/**
 * The storage SPI: a versioned map oid -> record with atomic commits, snapshots pinned at a
 * revision, oid allocation, a change log for cache invalidation and a durable type catalog.
 *
 * <p>Implementations are thread-safe. Commits are serialized; snapshots never block commits and
 * never see part of a commit.
 */
public interface Storage extends AutoCloseable {

    /** The oid of the root object. Oids below {@link #FIRST_OID} are never allocated. */
    long ROOT_OID = 1;

    /** The first oid {@link #newOid()} may return. */
    long FIRST_OID = 2;

    /** The newest committed revision, 0 for an empty storage. */
    long lastRevision();

    /**
     * Opens a snapshot of the newest revision, pinned until closed. Picking the revision and pinning
     * it is one atomic step, so the revision cannot be reclaimed in between.
     */
    Snapshot openSnapshot();

    /**
     * Opens a snapshot of an older revision.
     *
     * @throws IllegalArgumentException if the revision is in the future or no longer retained
     */
    Snapshot openSnapshot(long revision);

    /** Allocates a fresh oid, never returned before by this storage. */
    long newOid();

    /**
     * Atomically writes all records as one new revision.
     *
     * @return the new revision
     * @throws ConflictException if any record's base serial is not the object's current serial;
     *                           then nothing is written
     */
    long commit(Collection<RecordWrite> writes);

    /**
     * The oids changed by every revision after {@code afterRevision}, oldest first, or null if the
     * change log no longer reaches back that far (the caller must then invalidate everything).
     */
    List<RevisionChanges> changesSince(long afterRevision);

    /**
     * The durable id of a type descriptor (a class name or a class layout), registering it if new.
     * Ids are stable forever and never reused. Registration is not part of any transaction: an id
     * may be registered by a commit that later fails, and stays valid.
     */
    int typeId(String descriptor);

    /**
     * The descriptor registered under {@code id}.
     *
     * @throws IllegalArgumentException if no such id was ever registered
     */
    String typeDescriptor(int id);

    /**
     * Removes every object not reachable from the root ({@link #ROOT_OID}), following the reference
     * lists of the records, in one new revision or, in a storage that bounds what one revision
     * rewrites ({@code FileStorage}), in several, each removing a part (each a consistent graph: only
     * unreachable objects are missing); their space is then reclaimed like any superseded record,
     * so snapshots opened before keep reading them.
     *
     * <p>Commits may run meanwhile and none is lost: the graph is marked at a snapshot, then, under
     * the commit lock, marking continues from every object written since, and only objects
     * unreachable at the snapshot and not written since are removed. A transaction that read a
     * removed object before the removal and commits a reference to it afterwards fails with a
     * {@link ConflictException} (retrying it reads the graph without the object).
     */
    GcResult collectGarbage();

    /**
     * Moves live data from the end of the storage into free space nearer its start and gives the
     * freed end back to the file system, while snapshots keep reading: nothing a pinned or retained
     * revision can see is overwritten or cut. Storages without a file have nothing to compact; this
     * default does nothing.
     */
    default CompactionResult compact() {
        return new CompactionResult(lastRevision(), 0, 0, 0);
    }

    /**
     * The revisions {@link #openSnapshot(long)} accepts now, newest first: those the retention
     * settings keep and those pinned by open snapshots. A revision may leave the list as soon as it
     * is returned (a commit moves the retention window).
     */
    List<RevisionInfo> retainedRevisions();

    /**
     * The record cache, in bytes, that {@code org.jodb.Database} puts in front of this storage when
     * its options leave the size automatic ({@link DatabaseOptions#AUTOMATIC_RECORD_CACHE}); 0 for
     * none. This default, {@link DatabaseOptions#defaultRecordCacheBytes()} (a sixteenth of the
     * heap), suits a storage that reads and decodes records on each load; one that already holds its
     * records in memory returns 0, since there a lookup in the cache costs more than the load it saves.
     */
    default long preferredRecordCacheBytes() {
        return DatabaseOptions.defaultRecordCacheBytes();
    }

    /**
     * Whether a record cache of an automatic budget ({@link #preferredRecordCacheBytes()}) should
     * keep {@code record}, which this storage just loaded: false where loading it again costs no
     * more than the cache's own bookkeeping. By default true.
     */
    default boolean worthCaching(Record record) {
        return true;
    }

    /** What the storage holds now. */
    StorageStats stats();

    /** Closes the storage; open snapshots become unusable. */
    @Override
    void close();
}
