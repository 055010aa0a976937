package org.jodb.benchmarks.lmdb;

/** Which readers the {@link UpdateWorkload} holds open while it commits. */
public enum ReaderPlan {
    /** No reader: every superseded page is free at once. */
    NONE("no reader"),
    /** One reader opened after loading and held to the end: the case. */
    ONE_FROM_START("1 reader held from the start"),
    /** Readers opened at 0, 1/4, 1/2 and 3/4 of the commits, all held to the end. */
    FOUR_SPACED("4 readers at spaced revisions"),
    /**
     * One reader opened a few commits before halfway, where the store is restarted and the reader
     * re-pinned at its revision (jodb only: a retention option keeps that revision openable).
     */
    ONE_ACROSS_RESTART("restart halfway, reader re-pinned");

    private final String label;

    ReaderPlan(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
