package org.jodb.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Progress of a long pass over a file's records, on standard error so that standard output stays
 * the command's result: on a terminal one line redrawn in place a few times a second, otherwise
 * (a log, a pipe) a plain line every few seconds, and nothing at all for a pass that ends first.
 * Not thread-safe: one per pass, advanced by the thread doing it.
 */
final class Progress {
    static final long TERMINAL_INTERVAL_NANOS = 200_000_000L;
    static final long LOG_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final String what;
    private final long total;
    private final boolean terminal;
    private final long interval;
    private final LongSupplier clock;
    private long done;
    private long nextReport;
    private boolean drawn;

    /**
     * @param what     what is counted ("records")
     * @param total    how many there are, or 0 if unknown
     * @param terminal whether {@code err} is a terminal (a line redrawn in place)
     * @param clock    nanoseconds, {@code System::nanoTime} outside tests
     */
    Progress(PrintWriter err, String what, long total, boolean terminal, LongSupplier clock) {
        this.err = err;
        this.what = what;
        this.total = total;
        this.terminal = terminal;
        this.interval = terminal ? TERMINAL_INTERVAL_NANOS : LOG_INTERVAL_NANOS;
        this.clock = clock;
        this.nextReport = clock.getAsLong() + interval;
    }

    /** A progress on the process's standard error, a terminal if the process has a console. */
    static Progress onStandardError(PrintWriter err, String what, long total) {
        return new Progress(err, what, total, System.console() != null, System::nanoTime);
    }

    /** One more item done. */
    void step() {
        done++;
        if ((done & 0xff) == 0 || total == done) {
            long now = clock.getAsLong();
            if (now - nextReport >= 0) {
                report();
                nextReport = now + interval;
            }
        }
    }

    /** Ends the pass: clears the redrawn line. */
    void finish() {
        if (terminal && drawn) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    private void report() {
        String line = what + ": " + Figures.count(done)
                + (total > 0 ? " of " + Figures.count(total) + " (" + (100 * done / total) + "%)" : "");
        if (terminal) {
            err.print("\r" + line + "\033[K");
            drawn = true;
        } else {
            err.println(line);
        }
        err.flush();
    }
}
