package org.jodb.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * {@link Progress} for a log or a pipe: a plain line at most every interval (the first only once
 * an interval has passed, so a short pass prints none), whatever the phase.
 */
final class LogProgress extends Progress {
    private final PrintWriter err;
    private final long interval;
    private final LongSupplier clock;
    private long nextReport;

    /** @param clock nanoseconds, {@code System::nanoTime} outside tests */
    LogProgress(PrintWriter err, String command, long intervalNanos, LongSupplier clock) {
        super(command);
        this.err = err;
        this.interval = intervalNanos;
        this.clock = clock;
        this.nextReport = clock.getAsLong() + intervalNanos;
    }

    @Override
    void beginPhase() {
        // lines keep their own rhythm across phases
    }

    @Override
    void update(String phase, long done, long total) {
        long now = clock.getAsLong();
        if (now - nextReport >= 0) {
            err.println(line(phase, done, total));
            err.flush();
            nextReport = now + interval;
        }
    }

    @Override
    void endPhase() {
        // nothing to clear
    }
}
