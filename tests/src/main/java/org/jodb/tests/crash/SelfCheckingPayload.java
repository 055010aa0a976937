package org.jodb.tests.crash;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * The bytes transaction {@code n} stores for one slot: a header naming the transaction, the slot
 * and the length, a body derived from (n, slot), and a CRC32C of all of it. Any torn, stale or
 * foreign bytes fail {@link #decode}, so a reader never has to trust the storage to notice.
 */
public final class SelfCheckingPayload {
    /** Transaction (8), slot (4), length (4) before the body; CRC32C (4) after it. */
    public static final int OVERHEAD = 20;

    private SelfCheckingPayload() {
    }

    /** The payload of {@code slot} as written by {@code transaction}, {@code length} bytes long. */
    public static byte[] encode(long transaction, int slot, int length) {
        if (length < OVERHEAD) {
            throw new IllegalArgumentException("length " + length + " < " + OVERHEAD);
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        buffer.putLong(transaction).putInt(slot).putInt(length);
        byte[] body = new byte[length - OVERHEAD];
        new SplittableRandom(CommitPlan.mix(transaction, slot)).nextBytes(body);
        buffer.put(body);
        buffer.putInt(crc(buffer.array(), length - 4));
        return buffer.array();
    }

    /**
     * The transaction that wrote {@code payload} for {@code slot}.
     *
     * @throws AssertionError if the checksum, the slot or the length does not hold
     */
    public static long decode(byte[] payload, int slot) {
        if (payload == null || payload.length < OVERHEAD) {
            throw new AssertionError("slot " + slot + ": payload too short: "
                    + (payload == null ? "null" : payload.length + " bytes"));
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        int stored = buffer.getInt(payload.length - 4);
        if (stored != crc(payload, payload.length - 4)) {
            throw new AssertionError("slot " + slot + ": payload checksum does not hold ("
                    + payload.length + " bytes)");
        }
        long transaction = buffer.getLong();
        int storedSlot = buffer.getInt();
        int length = buffer.getInt();
        if (storedSlot != slot || length != payload.length) {
            throw new AssertionError("slot " + slot + ": payload belongs to slot " + storedSlot
                    + " with length " + length + ", is " + payload.length + " bytes");
        }
        return transaction;
    }

    private static int crc(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
