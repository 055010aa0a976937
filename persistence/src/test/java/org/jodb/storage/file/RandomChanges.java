package org.jodb.storage.file;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Storage;

/**
 * The commits of the power-cut workloads: a root object referring to every live object; each
 * commit creates some objects, rewrites some, unlinks some (garbage for a later collection) and
 * rewrites the root. Payload sizes are drawn between two bounds, so a workload chooses small or
 * overflow records. Deterministic for a seed.
 */
final class RandomChanges {
    private final SplittableRandom random;
    private final int minSize;
    private final int maxSize;
    private final List<Long> live = new ArrayList<>();

    RandomChanges(long seed, int minSize, int maxSize) {
        this.random = new SplittableRandom(seed);
        this.minSize = minSize;
        this.maxSize = maxSize;
    }

    /** Commits one change and returns its revision. */
    long commit(TrackedStorage storage, int created, int rewritten, int unlinked) {
        int type = storage.typeId("power-cut-record-" + minSize + "-" + maxSize);
        List<RecordWrite> writes = new ArrayList<>();
        for (int i = 0; i < rewritten && !live.isEmpty(); i++) {
            long oid = live.get(random.nextInt(live.size()));
            if (writes.stream().noneMatch(write -> write.oid() == oid)) {
                writes.add(write(storage, oid, type, new long[0]));
            }
        }
        for (int i = 0; i < unlinked && !live.isEmpty(); i++) {
            live.remove(random.nextInt(live.size()));
        }
        for (int i = 0; i < created; i++) {
            long oid = storage.newOid();
            live.add(oid);
            writes.add(write(storage, oid, type, new long[0]));
        }
        long[] references = live.stream().mapToLong(Long::longValue).toArray();
        writes.add(write(storage, Storage.ROOT_OID, type, references));
        return storage.commit(writes);
    }

    private RecordWrite write(TrackedStorage storage, long oid, int type, long[] references) {
        byte[] payload = new byte[minSize == maxSize ? minSize : random.nextInt(minSize, maxSize + 1)];
        random.nextBytes(payload);
        return new RecordWrite(oid, storage.serial(oid), type, references, payload);
    }
}
