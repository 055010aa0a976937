package org.jodb.benchmarks.space;

import java.util.Locale;

/**
 * The file sizes of one {@link SpaceMeasurement} run, in bytes.
 *
 * @param objects        small objects stored
 * @param afterStore     the file once every object is stored
 * @param beforeGc       the file once every other object is unlinked (the holders rewritten), when
 *                       the collection starts
 * @param peakDuringGc   the largest size the file reached while garbage was collected
 * @param afterGc        the file after the collection
 * @param afterCompact   the file after the collection and a compaction
 * @param fresh          a new file holding only the live objects, stored the same way
 * @param fillAfterGc    the tree's fill after the collection ({@code FileStorageStats#treeFill})
 * @param fillAfterCompact the tree's fill after the compaction
 */
public record SpaceFigures(int objects, long afterStore, long beforeGc, long peakDuringGc, long afterGc, long afterCompact,
        long fresh, double fillAfterGc, double fillAfterCompact) {

    /** Peak during the collection over the size before it; the target is at most 1.25. */
    public double gcGrowth() {
        return (double) peakDuringGc / beforeGc;
    }

    /** The collected and compacted file over a fresh store; the target is at most 1.2. */
    public double compactedOverFresh() {
        return (double) afterCompact / fresh;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d objects: after store %s, before GC %s, peak during GC %s (%.2fx), after GC %s"
                + " (fill %.0f%%), after GC + compact %s (fill %.0f%%), fresh store of the live objects %s:"
                + " compacted/fresh %.2fx", objects, mb(afterStore), mb(beforeGc), mb(peakDuringGc), gcGrowth(), mb(afterGc),
                100 * fillAfterGc, mb(afterCompact), 100 * fillAfterCompact, mb(fresh), compactedOverFresh());
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
