package org.jodb.tests.crash;

/** 200 records of 20-400 bytes, 10 rewritten per commit: many small commits, all inline in leaves. */
public final class SmallRecordsWorkload extends StorageWorkload {
    public SmallRecordsWorkload() {
        super(new CommitPlan(200, 10, random -> random.nextInt(20, 400)));
    }
}
