package org.jodb.tests.crash;

import org.jodb.Persistent;

/** One slot of {@link DatabaseWorkload}: a persistent object holding a self-checking payload. */
@Persistent
public class CrashSlot {
    private int slot;
    private byte[] payload;

    public CrashSlot(int slot, byte[] payload) {
        this.slot = slot;
        this.payload = payload;
    }

    public int slot() {
        return slot;
    }

    public byte[] payload() {
        return payload;
    }

    public void rewrite(byte[] newPayload) {
        payload = newPayload;
    }
}
