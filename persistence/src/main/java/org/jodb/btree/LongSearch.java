package org.jodb.btree;

/**
 * Finds a {@code long} in a sorted array by interpolation, then galloping: the first probe goes
 * where the key would sit if the keys were spread evenly between two bounds, and the search then
 * doubles its steps away from that probe until it brackets the key, and halves the bracket.
 *
 * <p>Why not {@link java.util.Arrays#binarySearch}: in a loaded tree the cost of a lookup is the
 * memory it waits for, not the comparisons. A binary search over a bucket of 120 keys makes seven
 * probes, each depending on the last and each in a different cache line for the first four; when
 * the keys of a bucket are roughly even (random keys, ids, timestamps: most keys within a bucket's
 * narrow range are), the interpolated probe lands within a line or two of the key, so the search
 * waits for one or two lines instead of four or five. When they are not, galloping keeps the worst
 * case at about twice a binary search's comparisons: the result never depends on the guess.
 */
final class LongSearch {
    private LongSearch() {
    }

    /**
     * The index of {@code key} in {@code keys[0, size)} (sorted ascending, no duplicates), or
     * {@code -(insertion point) - 1} as {@link java.util.Arrays#binarySearch}; the first probe is
     * interpolated between the array's own first and last keys.
     */
    static int search(long[] keys, int size, long key) {
        if (size == 0) {
            return -1;
        }
        return searchFrom(keys, size, key, guess(key, keys[0], keys[size - 1], size));
    }

    /**
     * The index where {@code key} would sit in {@code size} keys spread evenly from {@code low} to
     * {@code high}, clamped to {@code [0, size)}. Computed in {@code double}, which neither
     * overflows on a wide range nor needs to be exact: it is only where the search starts.
     */
    static int guess(long key, long low, long high, int size) {
        if (key <= low) {
            return 0;
        }
        if (key >= high) {
            return size - 1;
        }
        double fraction = ((double) key - (double) low) / ((double) high - (double) low);
        int index = (int) (fraction * size);
        return Math.min(Math.max(index, 0), size - 1);
    }

    /** {@link #search}, probing {@code start} (in {@code [0, size)}) first. */
    static int searchFrom(long[] keys, int size, long key, int start) {
        long probe = keys[start];
        if (probe == key) {
            return start;
        }
        int low; // keys[low - 1] < key, or low == 0
        int high; // keys[high] > key, or high == size
        if (probe < key) {
            low = start + 1;
            int step = 1;
            high = low;
            while (high < size && keys[high] < key) {
                low = high + 1;
                high += step;
                step <<= 1;
            }
            if (high >= size) {
                high = size;
            } else if (keys[high] == key) {
                return high;
            }
        } else {
            high = start;
            int step = 1;
            low = high;
            while (low > 0 && keys[low - 1] > key) {
                high = low - 1;
                low -= step;
                step <<= 1;
            }
            if (low <= 0) {
                low = 0;
            } else if (keys[low - 1] == key) {
                return low - 1;
            }
        }
        return binarySearch(keys, low, high, key);
    }

    /** Binary search of {@code keys[low, high)}: the index of {@code key}, or {@code -(insertion point) - 1}. */
    private static int binarySearch(long[] keys, int low, int high, long key) {
        int from = low;
        int to = high - 1;
        while (from <= to) {
            int middle = (from + to) >>> 1;
            long value = keys[middle];
            if (value < key) {
                from = middle + 1;
            } else if (value > key) {
                to = middle - 1;
            } else {
                return middle;
            }
        }
        return -(from + 1);
    }
}
