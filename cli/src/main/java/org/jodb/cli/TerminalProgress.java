package org.jodb.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * {@link Progress} on a terminal: a progress bar per phase (me.tongfei:progressbar, redrawn in
 * place a few times a second with the time spent and left), shown once the phase has lasted the
 * delay, so a short pass draws nothing, and cleared when the phase ends. ASCII, so any terminal
 * encoding draws it.
 */
final class TerminalProgress extends Progress {
    private static final int REDRAW_MILLIS = 200;

    private final PrintWriter err;
    private final long delay;
    private final LongSupplier clock;
    /** Columns of the bar's line; 0: the terminal's width, as the library finds it. */
    private final int width;
    private long phaseStart;
    private ProgressBar bar;

    /**
     * @param delayNanos how long a phase runs before its bar appears
     * @param clock      nanoseconds, {@code System::nanoTime} outside tests
     * @param width      columns of the line, or 0 for the terminal's width
     */
    TerminalProgress(PrintWriter err, String command, long delayNanos, LongSupplier clock, int width) {
        super(command);
        this.err = err;
        this.delay = delayNanos;
        this.clock = clock;
        this.width = width;
    }

    @Override
    void beginPhase() {
        phaseStart = clock.getAsLong();
    }

    @Override
    void update(String phase, long done, long total) {
        if (bar == null) {
            long elapsed = clock.getAsLong() - phaseStart;
            if (elapsed < delay) {
                return;
            }
            bar = new ProgressBarBuilder().setTaskName(command + ": " + phase).setInitialMax(total > 0 ? total : -1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(REDRAW_MILLIS)
                    .setConsumer(width > 0 ? new DelegatingProgressBarConsumer(draw(), width)
                            : new DelegatingProgressBarConsumer(draw()))
                    .startsFrom(0, Duration.ofNanos(elapsed)).build();
        }
        if (total > 0 && bar.getMax() != total) {
            bar.maxHint(total);
        }
        bar.stepTo(done);
    }

    private Consumer<String> draw() {
        return rendered -> {
            err.print("\r" + rendered);
            err.flush();
        };
    }

    @Override
    void endPhase() {
        if (bar != null) {
            bar.close(); // draws the last state, and stops the redrawing thread
            bar = null;
            err.print("\r\033[K");
            err.flush();
        }
    }
}
