package org.jodb.tests.crash;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/**
 * Which slots transaction {@code n} writes and how large each payload is, derived from n alone,
 * so that the parent can compute the exact expected state after any acknowledged transaction
 * without hearing from the child. Transaction 0 creates every slot.
 *
 * @param slots     how many objects the workload keeps
 * @param perCommit how many of them each transaction after 0 rewrites
 * @param sizes     payload length of one write, drawn from a random seeded by (transaction, slot)
 */
public record CommitPlan(int slots, int perCommit, ToIntFunction<SplittableRandom> sizes) {

    public CommitPlan {
        if (perCommit < 1 || perCommit > slots) {
            throw new IllegalArgumentException("perCommit " + perCommit + " not in [1, " + slots + "]");
        }
    }

    /** The slots transaction {@code n} writes, ascending: all of them for n = 0. */
    public int[] slotsOf(long transaction) {
        if (transaction == 0) {
            int[] all = new int[slots];
            Arrays.setAll(all, i -> i);
            return all;
        }
        SplittableRandom random = new SplittableRandom(mix(transaction, -1));
        boolean[] picked = new boolean[slots];
        int[] chosen = new int[perCommit];
        for (int i = 0; i < perCommit; i++) {
            int slot;
            do {
                slot = random.nextInt(slots);
            } while (picked[slot]);
            picked[slot] = true;
            chosen[i] = slot;
        }
        Arrays.sort(chosen);
        return chosen;
    }

    /** The payload of {@code slot} written by {@code transaction}. */
    public byte[] payload(long transaction, int slot) {
        int length = Math.max(SelfCheckingPayload.OVERHEAD,
                sizes.applyAsInt(new SplittableRandom(mix(transaction, slot) ^ 0x5DEECE66DL)));
        return SelfCheckingPayload.encode(transaction, slot, length);
    }

    /**
     * The transaction that last wrote each slot once transactions 0..{@code last} are committed
     * (-1 where none did, i.e. everywhere when {@code last} is -1).
     */
    public long[] lastWriters(long last) {
        long[] writers = new long[slots];
        Arrays.fill(writers, -1);
        for (long n = 0; n <= last; n++) {
            for (int slot : slotsOf(n)) {
                writers[slot] = n;
            }
        }
        return writers;
    }

    /** A well-spread seed from two numbers (SplittableRandom's own mixing, applied twice). */
    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
