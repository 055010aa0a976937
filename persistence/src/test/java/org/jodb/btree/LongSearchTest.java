package org.jodb.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * {@link LongSearch} answers as {@link Arrays#binarySearch} for any sorted array and any first
 * probe: even, clustered, sequential and extreme keys, present and absent keys, and guesses that
 * are exact, near or wrong (the interpolation only decides where the search starts).
 */
class LongSearchTest {
    private static final int ARRAYS = 3_000;

    @Test
    void findsWhatBinarySearchFindsWhateverTheKeysAndTheFirstProbe() {
        long seed = System.nanoTime();
        System.out.println("[LongSearchTest] seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        LongSupplier[] kinds = {
            random::nextLong, // even over the whole range
            () -> random.nextLong(1_000), // narrow: many near neighbours
            () -> (long) Math.exp(random.nextDouble() * 40), // clustered near 0, sparse far away
            () -> random.nextBoolean() ? Long.MIN_VALUE + random.nextInt(3) : Long.MAX_VALUE - random.nextInt(3),
        };
        for (int n = 0; n < ARRAYS; n++) {
            LongSupplier kind = kinds[n % kinds.length];
            int size = random.nextInt(1, 200);
            long[] keys = distinctSorted(kind, size, random);
            int length = keys.length;
            long[] padded = Arrays.copyOf(keys, length + random.nextInt(4)); // room past the size, as a bucket has
            for (int probe = 0; probe < 40; probe++) {
                long key = probe % 2 == 0 ? keys[random.nextInt(length)] : kind.getAsLong();
                if (probe % 7 == 0) {
                    key = probe % 14 == 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
                }
                int expected = Arrays.binarySearch(keys, key);
                assertEquals(expected, LongSearch.search(padded, length, key), () -> Arrays.toString(keys));
                int start = random.nextInt(length);
                assertEquals(expected, LongSearch.searchFrom(padded, length, key, start),
                        () -> "start " + start + " in " + Arrays.toString(keys));
                int guessed = LongSearch.guess(key, kind.getAsLong(), kind.getAsLong(), length);
                assertEquals(expected, LongSearch.searchFrom(padded, length, key, guessed));
            }
        }
    }

    @Test
    void guessesWithinTheArrayAndNearAnEvenlySpreadKey() {
        assertEquals(0, LongSearch.guess(Long.MIN_VALUE, 0, 100, 10));
        assertEquals(9, LongSearch.guess(Long.MAX_VALUE, 0, 100, 10));
        assertEquals(5, LongSearch.guess(50, 0, 100, 10));
        assertEquals(5, LongSearch.guess(0, Long.MIN_VALUE, Long.MAX_VALUE, 10)); // no overflow on the widest range
        assertEquals(0, LongSearch.guess(7, 7, 7, 10)); // an empty range
    }

    @Test
    void anEmptyArrayHasTheKeyAtItsStart() {
        assertEquals(-1, LongSearch.search(new long[4], 0, 42));
    }

    private static long[] distinctSorted(LongSupplier kind, int size, SplittableRandom random) {
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = kind.getAsLong();
        }
        if (random.nextInt(5) == 0) { // sequential runs, like ids
            long start = keys[0];
            for (int i = 0; i < size; i++) {
                keys[i] = start + i * (1 + random.nextInt(3));
            }
        }
        return Arrays.stream(keys).sorted().distinct().toArray();
    }
}
