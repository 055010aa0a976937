package org.jodb.benchmarks.lmdb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The LMDB workload: 1,000 records of 200 bytes loaded in one commit, then commits that
 * each rewrite 10 random ones, with the readers of a {@link ReaderPlan} held open. File sizes are
 * taken at checkpoints; every commit is timed (payloads are made before the clock starts). At the
 * end every reader must still read exactly the state it was opened at, which shows that both
 * stores kept what they were asked to keep.
 */
public final class UpdateWorkload {
    public static final int RECORDS = 1_000;
    public static final int RECORD_BYTES = 200;
    public static final int PER_COMMIT = 10;
    /** How many commits before the restart the reader of {@link ReaderPlan#ONE_ACROSS_RESTART} opens. */
    public static final int REPIN_DISTANCE = 8;

    private UpdateWorkload() {
    }

    /** The payload of record {@code key} as written by commit {@code version} (0 = the load). */
    static byte[] payload(int key, int version) {
        byte[] bytes = new byte[RECORD_BYTES];
        new SplittableRandom(key * 1_000_003L + version).nextBytes(bytes);
        return bytes;
    }

    /** Runs {@code commits} update commits (the last checkpoint must equal it). */
    public static UpdateResult run(KeyValueSubject subject, ReaderPlan plan, int commits, int[] checkpoints) {
        if (checkpoints[checkpoints.length - 1] != commits) {
            throw new IllegalArgumentException("the last checkpoint must be the commit count");
        }
        if (plan == ReaderPlan.ONE_ACROSS_RESTART && !(subject instanceof JodbSubject)) {
            throw new IllegalArgumentException(plan + " needs a jodb subject");
        }
        int[] versions = new int[RECORDS];
        int[] all = new int[RECORDS];
        byte[][] initial = new byte[RECORDS][];
        for (int key = 0; key < RECORDS; key++) {
            all[key] = key;
            initial[key] = payload(key, 0);
        }
        subject.commit(all, initial);

        List<PinnedReader> readers = new ArrayList<>();
        List<int[]> readerVersions = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        Latencies latencies = new Latencies();
        long[] sizes = new long[checkpoints.length];
        int nextCheckpoint = 0;
        for (int commit = 1; commit <= commits; commit++) {
            if (opensReaderBefore(plan, commit, commits)) {
                readers.add(subject.openReader());
                readerVersions.add(versions.clone());
            }
            if (plan == ReaderPlan.ONE_ACROSS_RESTART && commit == commits / 2) {
                readers = ((JodbSubject) subject).restart(readers);
            }
            int[] keys = pick(random);
            byte[][] values = new byte[keys.length][];
            for (int i = 0; i < keys.length; i++) {
                values[i] = payload(keys[i], commit);
            }
            long start = System.nanoTime();
            subject.commit(keys, values);
            latencies.add(System.nanoTime() - start);
            for (int key : keys) {
                versions[key] = commit;
            }
            if (commit == checkpoints[nextCheckpoint]) {
                sizes[nextCheckpoint++] = subject.fileSize();
            }
        }
        for (int r = 0; r < readers.size(); r++) {
            checkReader(readers.get(r), readerVersions.get(r), subject.name());
        }
        int held = readers.size();
        readers.forEach(PinnedReader::close);
        long live = subject instanceof JodbSubject jodb ? jodb.stats().pagesInUse() * jodb.stats().pageSize() : 0;
        return new UpdateResult(subject.name(), plan, checkpoints.clone(), sizes, latencies, live, held);
    }

    private static boolean opensReaderBefore(ReaderPlan plan, int commit, int commits) {
        return switch (plan) {
            case NONE -> false;
            case ONE_FROM_START -> commit == 1;
            case FOUR_SPACED -> (commit - 1) % (commits / 4) == 0 && commit - 1 < commits / 4 * 4;
            case ONE_ACROSS_RESTART -> commit == commits / 2 - REPIN_DISTANCE;
        };
    }

    private static int[] pick(SplittableRandom random) {
        boolean[] taken = new boolean[RECORDS];
        int[] keys = new int[PER_COMMIT];
        for (int i = 0; i < PER_COMMIT; i++) {
            int key;
            do {
                key = random.nextInt(RECORDS);
            } while (taken[key]);
            taken[key] = true;
            keys[i] = key;
        }
        Arrays.sort(keys);
        return keys;
    }

    private static void checkReader(PinnedReader reader, int[] versions, String store) {
        for (int key = 0; key < RECORDS; key++) {
            if (!Arrays.equals(payload(key, versions[key]), reader.get(key))) {
                throw new IllegalStateException(store + ": a held reader lost record " + key
                        + " of version " + versions[key]);
            }
        }
    }
}
