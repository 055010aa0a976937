package org.jodb;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jodb.cache.PersistentObject;
import org.jodb.serialization.EncodedState;
import org.jodb.serialization.RecordCodec;
import org.jodb.serialization.ReferenceContext;
import org.jodb.serialization.TypeCatalog;
import org.jodb.storage.Record;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Snapshot;
import org.jodb.storage.Storage;

/**
 * A connection's storage commit with conflict resolution: when the storage refuses a commit
 * because an object changed since the transaction read it, and that object's class
 * {@link MergesConflicts}, every such conflict in the commit is merged and the whole commit is
 * retried, atomically, a bounded number of times. A conflict that cannot be merged propagates and
 * nothing is written. See {@link MergesConflicts} for what a merge sees.
 *
 * <p>Not thread-safe: one per session, used by its thread.
 */
final class ConflictResolver {
    /**
     * Commit attempts after merges, per commit. Each round merges every conflict the newest
     * revision shows, so another round is needed only when yet another commit lands during one.
     */
    static final int MAX_MERGE_ROUNDS = 16;

    private final Storage storage;
    private final TypeCatalog catalog;
    private final ReferenceContext connection;
    /**
     * A codec of its own, because merged states may refer only to objects that already have oids;
     * created at the first merge, since most sessions never merge and a codec holds a Kryo.
     */
    private RecordCodec codec;

    ConflictResolver(Storage storage, TypeCatalog catalog, ReferenceContext connection) {
        this.storage = storage;
        this.catalog = catalog;
        this.connection = connection;
    }

    /**
     * Commits {@code writes}, where {@code objects.get(i)} is the live object written by
     * {@code writes.get(i)}. A merged object's write is replaced in {@code writes} by its merged
     * state, based on the committed revision it was merged with (so its base serial then differs
     * from the live object's serial).
     *
     * @param startedFrom the transaction's snapshot, where the states it started from are read
     * @return the new revision
     * @throws ConflictException if a conflict cannot be merged, or still conflicts after
     *                           {@link #MAX_MERGE_ROUNDS} merges; nothing is written then
     */
    long commit(List<PersistentObject> objects, List<RecordWrite> writes, Snapshot startedFrom) {
        // The state each write is based on, once a merge has moved it past the one read by the
        // transaction: the next merge of that object must be relative to it.
        Record[] mergedWith = new Record[writes.size()];
        Map<Long, Integer> indexByOid = null;
        for (int round = 0; ; round++) {
            try {
                return storage.commit(writes);
            } catch (ConflictException conflict) {
                if (indexByOid == null) {
                    indexByOid = indexByOid(writes);
                }
                Integer index = indexByOid.get(conflict.oid());
                if (index == null || !mergeable(objects.get(index), writes.get(index))) {
                    throw conflict;
                }
                if (round == MAX_MERGE_ROUNDS) {
                    throw new ConflictException(conflict.oid(), conflict.readSerial(), conflict.currentSerial(),
                            conflict.getMessage() + "; still conflicting after " + MAX_MERGE_ROUNDS + " merges");
                }
                try (Snapshot newest = storage.openSnapshot()) {
                    if (!mergeAll(objects, writes, mergedWith, startedFrom, newest, index)) {
                        throw conflict; // not a change by another transaction: nothing to merge
                    }
                }
            }
        }
    }

    /**
     * Merges every mergeable write whose object has a newer committed revision than its base.
     *
     * @return false if the reported object ({@code reported}) has no newer committed revision (a
     *         conflict merging cannot help, such as a reference to a garbage-collected object)
     */
    private boolean mergeAll(List<PersistentObject> objects, List<RecordWrite> writes, Record[] mergedWith,
                             Snapshot startedFrom, Snapshot newest, int reported) {
        boolean reportedMerged = false;
        for (int i = 0; i < writes.size(); i++) {
            RecordWrite write = writes.get(i);
            if (!mergeable(objects.get(i), write)) {
                continue;
            }
            Record committed = newest.load(write.oid());
            if (committed == null || committed.serial() == write.baseSerial()) {
                continue; // removed (the storage reports it), or not changed since
            }
            Record old = mergedWith[i] != null ? mergedWith[i] : startedFromRecord(startedFrom, write, committed);
            writes.set(i, merge(objects.get(i), write, old, committed));
            mergedWith[i] = committed;
            reportedMerged |= i == reported;
        }
        return reportedMerged;
    }

    /** The merged state of one object, as a write based on {@code committed}. */
    private RecordWrite merge(PersistentObject live, RecordWrite mine, Record old, Record committed) {
        PersistentObject merged = decode(mine.classId(), mine.payload());
        PersistentObject oldState = decode(old.classId(), old.payload());
        PersistentObject committedState = decode(committed.classId(), committed.payload());
        if (oldState.getClass() != merged.getClass() || committedState.getClass() != merged.getClass()) {
            throw refused(mine, committed, live, "its records hold different classes");
        }
        @SuppressWarnings("unchecked")
        MergesConflicts<Object> merging = (MergesConflicts<Object>) merged;
        if (!merging.mergeConflict(oldState, committedState)) {
            throw refused(mine, committed, live, live.getClass().getName() + ".mergeConflict refused to merge");
        }
        EncodedState state = codec().encode(merged);
        return new RecordWrite(mine.oid(), committed.serial(), state.classId(), state.references(), state.payload());
    }

    /**
     * The record the transaction read: its snapshot is pinned until the commit ends. An object
     * changed before the snapshot was taken (one {@code deactivate()} found changed in place between
     * transactions) has no such record there: merging against another state than the one it was
     * changed from would lose or double changes, so it is a conflict.
     */
    private static Record startedFromRecord(Snapshot startedFrom, RecordWrite write, Record committed) {
        Record record = startedFrom.load(write.oid());
        if (record == null || record.serial() != write.baseSerial()) {
            throw new ConflictException(write.oid(), write.baseSerial(), committed.serial(),
                    "oid " + Record.hex(write.oid()) + " was changed from revision " + write.baseSerial()
                            + ", which the transaction's snapshot at revision " + startedFrom.revision()
                            + " no longer holds, so its conflict with revision " + committed.serial()
                            + " cannot be merged");
        }
        return record;
    }

    private PersistentObject decode(int classId, byte[] payload) {
        RecordCodec codec = codec();
        PersistentObject state = codec.newInstance(codec.classOf(classId));
        codec.decode(state, classId, payload);
        return state;
    }

    private RecordCodec codec() {
        if (codec == null) {
            codec = new RecordCodec(catalog, new ExistingReferences(connection));
        }
        return codec;
    }

    /** Only objects that existed before the transaction: a new one has no state to merge with. */
    private static boolean mergeable(PersistentObject object, RecordWrite write) {
        return object instanceof MergesConflicts && write.baseSerial() != 0;
    }

    private static ConflictException refused(RecordWrite mine, Record committed, PersistentObject live, String why) {
        return new ConflictException(mine.oid(), mine.baseSerial(), committed.serial(),
                "oid " + Record.hex(mine.oid()) + " was changed at revision " + committed.serial()
                        + " after the commit's base revision " + mine.baseSerial() + ", and " + why);
    }

    private static Map<Long, Integer> indexByOid(List<RecordWrite> writes) {
        Map<Long, Integer> index = new HashMap<>(writes.size() * 2);
        for (int i = 0; i < writes.size(); i++) {
            index.put(writes.get(i).oid(), i);
        }
        return index;
    }

    /**
     * The connection's references, except that a merged state may not bring in a new persistent
     * object: it would need a write of its own, which the merge's commit cannot add.
     */
    private static final class ExistingReferences implements ReferenceContext {
        private final ReferenceContext connection;

        ExistingReferences(ReferenceContext connection) {
            this.connection = connection;
        }

        @Override
        public long referenceTo(PersistentObject target) {
            if (target.$jodbManager() == null) {
                throw new JodbException("a merged state refers to a new " + target.getClass().getName()
                        + "; a merge may refer only to objects already stored or stored by this commit");
            }
            return connection.referenceTo(target);
        }

        @Override
        public PersistentObject resolve(long oid, Class<?> type) {
            return connection.resolve(oid, type);
        }
    }
}
