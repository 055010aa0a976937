package org.jodb.benchmarks.lmdb;

import java.util.SplittableRandom;

/**
 * Commit latency by commit size: 1,000 records of 200 bytes loaded, then commits that each rewrite
 * {@code changed} of them (distinct random keys); the first tenth of the commits warms up and is
 * not counted.
 */
public final class CommitSizes {
    private CommitSizes() {
    }

    public static Latencies run(KeyValueSubject subject, int changed, int commits) {
        int[] all = new int[UpdateWorkload.RECORDS];
        byte[][] initial = new byte[all.length][];
        for (int key = 0; key < all.length; key++) {
            all[key] = key;
            initial[key] = UpdateWorkload.payload(key, 0);
        }
        subject.commit(all, initial);
        SplittableRandom random = new SplittableRandom(11);
        Latencies latencies = new Latencies();
        int warmUp = commits / 10;
        for (int commit = 1; commit <= warmUp + commits; commit++) {
            int[] keys = changed == all.length ? all : random.ints(0, all.length).distinct().limit(changed).sorted().toArray();
            byte[][] values = new byte[keys.length][];
            for (int i = 0; i < keys.length; i++) {
                values[i] = UpdateWorkload.payload(keys[i], commit);
            }
            long start = System.nanoTime();
            subject.commit(keys, values);
            if (commit > warmUp) {
                latencies.add(System.nanoTime() - start);
            }
        }
        return latencies;
    }
}
