package org.jodb.tests.crash;

import java.io.OutputStream;
import java.io.PrintStream;

/** Thrown by {@link Stream} at the first acknowledgement, to run exactly one commit in-process. */
final class StopAfterOneCommit extends RuntimeException {
    StopAfterOneCommit() {
        super("stopped after one commit", null, false, false);
    }

    /** An acknowledgement stream that stops the workload at its first commit. */
    static final class Stream extends PrintStream {
        Stream() {
            super(OutputStream.nullOutputStream());
        }

        @Override
        public void println(String line) {
            if (line.startsWith(Acknowledgements.COMMITTED)) {
                throw new StopAfterOneCommit();
            }
        }
    }
}
