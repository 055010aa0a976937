package org.jodb.tests.crash;

/**
 * 64 records, 6 rewritten per commit, of mixed sizes: 70% of 20-300 bytes, 20% of 1-16 KiB (just
 * past a leaf's inline limit), 10% of 100 KiB-1 MiB.
 */
public final class MixedRecordsWorkload extends StorageWorkload {
    public MixedRecordsWorkload() {
        super(new CommitPlan(64, 6, random -> {
            int kind = random.nextInt(10);
            if (kind < 7) {
                return random.nextInt(20, 300);
            }
            return kind < 9 ? random.nextInt(1 << 10, 16 << 10) : random.nextInt(100 << 10, 1 << 20);
        }));
    }
}
