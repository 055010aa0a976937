package org.jodb.tests.crash;

import org.jodb.Persistent;

/** The "last committed transaction" marker of {@link DatabaseWorkload}, changed by every commit. */
@Persistent
public class CrashMarker {
    private long transaction;

    public CrashMarker(long transaction) {
        this.transaction = transaction;
    }

    public long transaction() {
        return transaction;
    }

    public void advance(long next) {
        transaction = next;
    }
}
