package org.jodb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jodb.storage.file.ProgressListener;

/**
 * Progress of a command's long passes, on standard error so that standard output stays the
 * command's result: a progress bar on a terminal ({@link TerminalProgress}), plain lines every few
 * seconds otherwise ({@link LogProgress}: a log, a pipe), and nothing for a pass that ends first.
 * A pass is a sequence of phases ("marking objects", then "removing objects"), told either by the
 * storage ({@link ProgressListener}) or one item at a time ({@link #step}).
 *
 * <p>{@code -Djodb.progress.seconds=S} (through {@code JODB_JAVA_OPTS}) sets the interval of the
 * plain lines, and on a terminal the bar appears after at most that long.
 *
 * <p>Not thread-safe: one per command, driven by the thread doing the work.
 */
abstract class Progress implements ProgressListener {
    static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);
    static final long TERMINAL_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final String INTERVAL_PROPERTY = "jodb.progress.seconds";

    final String command;
    private String phase;
    private long done;
    private long total;

    Progress(String command) {
        this.command = command;
    }

    /** Progress of {@code command} on the process's standard error {@code err}. */
    static Progress onStandardError(PrintWriter err, String command) {
        long interval = interval();
        if (standardErrorIsTerminal()) {
            return new TerminalProgress(err, command, Math.min(interval, TERMINAL_DELAY_NANOS), System::nanoTime, 0);
        }
        return new LogProgress(err, command, interval, System::nanoTime);
    }

    /** Progress of {@code command}, starting {@code phase} of {@code total} items. */
    static Progress onStandardError(PrintWriter err, String command, String phase, long total) {
        Progress progress = onStandardError(err, command);
        progress.progress(phase, 0, total);
        return progress;
    }

    /** One more item of the current phase done. */
    final void step() {
        done++;
        if ((done & 0xff) == 0 || done == total) {
            progress(phase, done, total);
        }
    }

    @Override
    public final void progress(String phase, long done, long total) {
        if (!phase.equals(this.phase)) {
            if (this.phase != null) {
                endPhase();
            }
            this.phase = phase;
            beginPhase();
        }
        this.done = done;
        this.total = total;
        update(phase, done, total);
    }

    /** Ends the last phase: the pass is over (a bar is cleared). */
    final void finish() {
        if (phase != null) {
            endPhase();
            phase = null;
        }
    }

    abstract void beginPhase();

    abstract void update(String phase, long done, long total);

    abstract void endPhase();

    /** "verify: verifying pages 1,024 of 4,096 (25%)". */
    final String line(String phase, long done, long total) {
        return command + ": " + phase + " " + Figures.count(done)
                + (total > 0 ? " of " + Figures.count(total) + " (" + (100 * done / total) + "%)" : "");
    }

    private static long interval() {
        String seconds = System.getProperty(INTERVAL_PROPERTY);
        if (seconds == null) {
            return LOG_INTERVAL_NANOS;
        }
        try {
            return (long) (Double.parseDouble(seconds) * 1e9);
        } catch (NumberFormatException e) {
            throw new CommandFailure(ExitCode.USAGE, "-D" + INTERVAL_PROPERTY + "=" + seconds + " is not a number of seconds");
        }
    }

    /**
     * Whether standard error is a terminal: on Linux what descriptor 2 is ({@code /proc}), so a
     * command whose output is piped still draws its bar; elsewhere whether the JVM has a console.
     */
    static boolean standardErrorIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException notLinux) {
            return System.console() != null;
        }
    }
}
