package org.jodb.storage.file;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import org.jodb.storage.Record;
import org.jodb.storage.RecordWrite;

/**
 * Concurrent committers sharing syncs: {@value #THREADS} threads each commit {@value #COMMITS}
 * changes to objects of their own (inline and overflow records, so pages are superseded and freed
 * within a group), on a disk whose syncs take {@value #FORCE_MILLIS} ms, so the commits queued behind
 * a sync form the next group. Each commit is acknowledged when it returns; a group's revisions are
 * acknowledged one by one as their committers wake, but any of them may be the one a cut leaves
 * (see {@link IoLog#newestPossibleAt}). What each revision holds is worked out after the run, in
 * revision order, from what each commit wrote.
 */
final class GroupCommitWorkload implements PowerCutWorkload {
    static final int THREADS = 4;
    private static final int COMMITS = 10;
    private static final int OBJECTS_PER_THREAD = 6;
    private static final long FORCE_MILLIS = 2;
    private final boolean brokenReuse;

    GroupCommitWorkload() {
        this(false);
    }

    /**
     * @param brokenReuse whether the storage reuses pages freed by a group before its sync (for the
     *                    self-test: {@link FileStorage#reusePagesBeforeTheirSync})
     */
    GroupCommitWorkload(boolean brokenReuse) {
        this.brokenReuse = brokenReuse;
    }

    @Override
    public String name() {
        return "group-commit";
    }

    @Override
    public FileStorageOptions options() {
        return FileStorageOptions.defaults().withPageSize(1024).withNodeCacheBytes(0);
    }

    /** One returned commit: its revision and what it wrote. */
    private record Committed(long revision, List<RecordWrite> writes) {
    }

    @Override
    public void run(RecordingDisk disk, ExpectedRevisions expected, FileStorageOptions options, long seed) {
        List<Committed> committed = new ArrayList<>();
        try (TrackedStorage tracked = TrackedStorage.open(disk, options, expected)) {
            FileStorage storage = tracked.storage();
            if (brokenReuse) {
                storage.reusePagesBeforeTheirSync();
            }
            int type = tracked.typeId("power-cut-group");
            disk.slowForces(FORCE_MILLIS);
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                SplittableRandom random = new SplittableRandom(seed * 31 + t);
                long[] oids = new long[OBJECTS_PER_THREAD];
                for (int i = 0; i < oids.length; i++) {
                    oids[i] = storage.newOid();
                }
                threads.add(new Thread(() -> {
                    try {
                        start.await();
                        commitOwnObjects(storage, type, oids, random, disk, committed);
                    } catch (Throwable e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                }, "group-commit-" + t));
            }
            threads.forEach(Thread::start);
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            disk.slowForces(0);
            if (!failures.isEmpty()) {
                throw new AssertionError("a committer failed", failures.get(0));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        fill(expected, committed);
    }

    private static void commitOwnObjects(FileStorage storage, int type, long[] oids, SplittableRandom random,
            RecordingDisk disk, List<Committed> committed) {
        Map<Long, Long> serials = new HashMap<>();
        for (int commit = 0; commit < COMMITS; commit++) {
            List<RecordWrite> writes = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                long oid = oids[random.nextInt(oids.length)];
                if (writes.stream().noneMatch(write -> write.oid() == oid)) {
                    // A tenth of the records need an overflow extent of 1 KiB pages.
                    byte[] payload = new byte[random.nextInt(10) == 0 ? random.nextInt(300, 3_000)
                            : random.nextInt(10, 120)];
                    random.nextBytes(payload);
                    writes.add(new RecordWrite(oid, serials.getOrDefault(oid, 0L), type, new long[0], payload));
                }
            }
            long revision = storage.commit(writes);
            disk.acknowledge(revision); // durable now, as is every revision before it
            writes.forEach(write -> serials.put(write.oid(), revision));
            synchronized (committed) {
                committed.add(new Committed(revision, writes));
            }
        }
    }

    /** What each revision holds: the records of every commit up to it, in revision order. */
    private static void fill(ExpectedRevisions expected, List<Committed> committed) {
        committed.sort(Comparator.comparingLong(Committed::revision));
        Map<Long, Record> content = new HashMap<>(expected.latest());
        for (Committed commit : committed) {
            for (RecordWrite write : commit.writes()) {
                content.put(write.oid(), new Record(write.oid(), commit.revision(), write.classId(),
                        write.references(), write.payload()));
            }
            expected.acknowledge(commit.revision(), content);
        }
    }
}
