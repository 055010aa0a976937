package org.jodb.benchmarks.lmdb;

import java.util.Arrays;

/** Durations of one repeated operation, summarized as mean, median and 99th percentile. */
public final class Latencies {
    private long[] nanos = new long[1024];
    private int count;

    public void add(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = durationNanos;
    }

    public int count() {
        return count;
    }

    public double meanMicros() {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += nanos[i];
        }
        return count == 0 ? 0 : sum / 1e3 / count;
    }

    /** The {@code fraction} quantile (0.5 = median) in microseconds, by nearest rank. */
    public double quantileMicros(double fraction) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, rank))] / 1e3;
    }

    /** "mean / p50 / p99 us". */
    public String summary() {
        return String.format("%8.1f %8.1f %8.1f", meanMicros(), quantileMicros(0.5), quantileMicros(0.99));
    }
}
