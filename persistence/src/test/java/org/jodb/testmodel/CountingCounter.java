package org.jodb.testmodel;

import java.util.concurrent.atomic.AtomicInteger;
import org.jodb.collections.Counter;

/** A {@link Counter} that counts its merges, so that a test can show conflicts did occur. */
public class CountingCounter extends Counter {
    /** Merges made by any instance; static, so neither stored nor lost with the detached copies. */
    public static final AtomicInteger MERGES = new AtomicInteger();

    @Override
    public boolean mergeConflict(Counter old, Counter committed) {
        MERGES.incrementAndGet();
        return super.mergeConflict(old, committed);
    }
}
