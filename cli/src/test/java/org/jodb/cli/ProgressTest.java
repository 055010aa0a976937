package org.jodb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Progress lines: only after their interval, plain lines in a log, one redrawn line on a terminal. */
class ProgressTest {
    private long now;
    private final StringWriter text = new StringWriter();

    private Progress progress(boolean terminal, long total) {
        return new Progress(new PrintWriter(text), "stats", total, terminal, () -> now);
    }

    private static void steps(Progress progress, int n) {
        for (int i = 0; i < n; i++) {
            progress.step();
        }
    }

    @Test
    void aLogGetsAPlainLineEveryInterval() {
        Progress progress = progress(false, 1000);
        steps(progress, 256);
        assertEquals("", text.toString(), "a pass that ends within the interval prints nothing");
        now += Progress.LOG_INTERVAL_NANOS;
        steps(progress, 256);
        assertEquals("stats: 512 of 1,000 (51%)\n", text.toString().replace(System.lineSeparator(), "\n"));
        steps(progress, 256);
        assertEquals(1, text.toString().lines().count(), "not again before the next interval");
        progress.finish();
        assertEquals(1, text.toString().lines().count());
    }

    @Test
    void aTerminalGetsOneLineRedrawnThenCleared() {
        Progress progress = progress(true, 0);
        now += Progress.TERMINAL_INTERVAL_NANOS;
        steps(progress, 256);
        now += Progress.TERMINAL_INTERVAL_NANOS;
        steps(progress, 256);
        progress.finish();
        assertEquals("\rstats: 256\033[K\rstats: 512\033[K\r\033[K", text.toString());
    }
}
