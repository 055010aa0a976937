package org.jodb.benchmarks.lmdb;

/**
 * What one {@link UpdateWorkload} run measured.
 *
 * @param store            the subject's name
 * @param plan             the readers held
 * @param checkpoints      commit counts at which the file size was taken
 * @param sizes            the file size in bytes at each checkpoint
 * @param latencies        every update commit's duration
 * @param liveBytes        jodb only: pages in use after the readers closed, in bytes (0 for LMDB)
 * @param readersHeld      how many readers were open at the end
 */
public record UpdateResult(String store, ReaderPlan plan, int[] checkpoints, long[] sizes, Latencies latencies,
        long liveBytes, int readersHeld) {

    /** The file size at the last checkpoint. */
    public long finalSize() {
        return sizes[sizes.length - 1];
    }
}
