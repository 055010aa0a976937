package org.jodb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * Progress: plain lines in a log only after their interval, a progress bar per phase on a terminal
 * only once the phase has lasted its delay, cleared when it ends.
 */
class ProgressTest {
    private long now;
    private final StringWriter text = new StringWriter();

    private String printed() {
        return text.toString().replace(System.lineSeparator(), "\n");
    }

    private static void steps(Progress progress, int n) {
        for (int i = 0; i < n; i++) {
            progress.step();
        }
    }

    @Test
    void aLogGetsAPlainLineEveryIntervalWhateverThePhase() {
        Progress progress = new LogProgress(new PrintWriter(text), "stats", Progress.LOG_INTERVAL_NANOS, () -> now);
        progress.progress("reading records", 0, 1000);
        steps(progress, 256);
        assertEquals("", printed(), "a pass that ends within the interval prints nothing");
        now += Progress.LOG_INTERVAL_NANOS;
        steps(progress, 256);
        assertEquals("stats: reading records 512 of 1,000 (51%)\n", printed());
        steps(progress, 256);
        assertEquals(1, printed().lines().count(), "not again before the next interval");
        now += Progress.LOG_INTERVAL_NANOS;
        progress.progress("removing objects", 3, 0);
        assertEquals("stats: reading records 512 of 1,000 (51%)\nstats: removing objects 3\n", printed());
        progress.finish();
        assertEquals(2, printed().lines().count());
    }

    @Test
    void aTerminalGetsABarPerPhaseOnceItLastsThenCleared() {
        Progress progress = new TerminalProgress(new PrintWriter(text), "gc", Progress.TERMINAL_DELAY_NANOS, () -> now, 100);
        progress.progress("marking objects", 10, 200);
        assertEquals("", printed(), "not before the delay");
        now += Progress.TERMINAL_DELAY_NANOS;
        progress.progress("marking objects", 150, 200);
        progress.progress("removing objects", 1, 50); // ends the marking bar
        String marking = printed();
        assertTrue(marking.startsWith("\rgc: marking objects"), marking);
        assertTrue(marking.contains(" 150/200 "), marking);
        assertTrue(marking.endsWith("\r\033[K"), "the bar is cleared: " + marking);
        progress.finish();
        assertEquals(marking, printed(), "the removing phase ended before its delay: no bar");
    }
}
