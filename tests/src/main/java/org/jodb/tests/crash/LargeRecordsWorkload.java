package org.jodb.tests.crash;

/**
 * 6 records of 100 KiB-2 MiB, 1 rewritten per commit: every write is an overflow extent, so kills
 * land while megabytes are written and forced.
 */
public final class LargeRecordsWorkload extends StorageWorkload {
    public LargeRecordsWorkload() {
        super(new CommitPlan(6, 1, random -> random.nextInt(100 << 10, (2 << 20) + 1)));
    }
}
