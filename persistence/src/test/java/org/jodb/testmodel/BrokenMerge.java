package org.jodb.testmodel;

import org.jodb.MergesConflicts;
import org.jodb.Persistent;

/** A class whose merge has a bug: it throws, which must fail the commit, not count as a conflict. */
@Persistent
public class BrokenMerge implements MergesConflicts<BrokenMerge> {
    private long value;

    public void increment() {
        value++;
    }

    @Override
    public boolean mergeConflict(BrokenMerge old, BrokenMerge committed) {
        throw new IllegalStateException("a bug in the merge");
    }
}
