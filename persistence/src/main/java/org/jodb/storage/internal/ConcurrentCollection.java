package org.jodb.storage.internal;

import java.util.Arrays;
import java.util.List;
import org.jodb.storage.GcResult;
import org.jodb.storage.RevisionChanges;
import org.jodb.storage.Storage;

/**
 * Garbage collection while commits run, shared by the storages: see
 * {@link Storage#collectGarbage()} for the contract.
 *
 * <p>First, without locks, the graph is marked from the root at a revision the caller has pinned,
 * and the objects it does not reach are noted with their serials. Then, under the commit lock,
 * marking continues from every object written since (commits may have linked an unreachable object
 * again), and an object is removed only if it is still unmarked and its serial is unchanged, so no
 * commit that ran meanwhile is lost.
 *
 * <p>Stateless; the marks and candidates of one run are confined to the calling thread.
 */
public final class ConcurrentCollection {
    private ConcurrentCollection() {
    }

    /**
     * Collects the garbage of {@code graph}, marking at {@code marked}, a revision the caller keeps
     * pinned until this returns.
     */
    public static <H> GcResult collect(ObjectGraph<H> graph, H marked) {
        long markedRevision = graph.revision(marked);
        OidMarks reachable = new OidMarks();
        Reachability.mark(oid -> graph.references(marked, oid), new long[] {Storage.ROOT_OID}, reachable);
        Candidates unreachable = new Candidates();
        graph.forEachObject(marked, (oid, serial) -> {
            if (!reachable.contains(oid)) {
                unreachable.add(oid, serial);
            }
        });
        return graph.underCommitLock(head -> {
            long last = graph.revision(head);
            Reachability.mark(oid -> graph.references(head, oid), writtenSince(graph, markedRevision, head),
                    reachable);
            Candidates removals = new Candidates();
            for (int i = 0; i < unreachable.size; i++) {
                long oid = unreachable.oids[i];
                if (!reachable.contains(oid) && graph.serial(head, oid) == unreachable.serials[i]) {
                    removals.add(oid, unreachable.serials[i]);
                }
            }
            long live = graph.objectCount(head) - removals.size;
            if (removals.size == 0) {
                return new GcResult(markedRevision, last, live, 0);
            }
            long revision = graph.remove(head, Arrays.copyOf(removals.oids, removals.size));
            return new GcResult(markedRevision, revision, live, removals.size);
        });
    }

    /** The oids written after {@code revision} up to {@code head}; from the change log if it reaches. */
    private static <H> long[] writtenSince(ObjectGraph<H> graph, long revision, H head) {
        List<RevisionChanges> changes = graph.changes(revision, graph.revision(head));
        if (changes != null) {
            return changes.stream().flatMapToLong(change -> Arrays.stream(change.oids())).toArray();
        }
        Candidates written = new Candidates();
        graph.forEachObject(head, (oid, serial) -> {
            if (serial > revision) {
                written.add(oid, serial);
            }
        });
        return Arrays.copyOf(written.oids, written.size);
    }

    /** Objects by oid and serial, in growing arrays: a collection may note millions. */
    private static final class Candidates {
        long[] oids = new long[16];
        long[] serials = new long[16];
        int size;

        void add(long oid, long serial) {
            if (size == oids.length) {
                oids = Arrays.copyOf(oids, size * 2);
                serials = Arrays.copyOf(serials, size * 2);
            }
            oids[size] = oid;
            serials[size++] = serial;
        }
    }
}
