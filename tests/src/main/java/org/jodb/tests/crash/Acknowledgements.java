package org.jodb.tests.crash;

import java.io.PrintStream;

/**
 * The child's side of the line protocol the parent reads: {@code ready} once the file is open and
 * recovered, then {@code committed n} after transaction n's commit has returned, and
 * {@code phase <name>} when maintenance work begins (so the parent can aim kills into it). Each
 * line is flushed at once, so a {@code committed} line the parent reads is a promise that the
 * commit is durable.
 */
public final class Acknowledgements {
    public static final String READY = "ready";
    public static final String COMMITTED = "committed ";
    public static final String PHASE = "phase ";

    private final PrintStream out;

    public Acknowledgements(PrintStream out) {
        this.out = out;
    }

    /** The file is open; the next lines acknowledge commits. */
    public void ready() {
        out.println(READY);
        out.flush();
    }

    /**
     * Transaction {@code transaction} is committed: call only after the commit returned. Halts the
     * JVM if the line could not be delivered (PrintStream swallows errors), so that no commit is
     * ever made after an acknowledgement that the parent did not get.
     */
    public void committed(long transaction) {
        out.println(COMMITTED + transaction);
        out.flush();
        if (out.checkError()) {
            Runtime.getRuntime().halt(4);
        }
    }

    /**
     * The child starts {@code name} (e.g. {@code gc-start}) now. Only a hint for kill timing: a lost
     * line makes no acknowledged commit unacknowledged, so delivery is not checked.
     */
    public void phase(String name) {
        out.println(PHASE + name);
        out.flush();
    }
}
