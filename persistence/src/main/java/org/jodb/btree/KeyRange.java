package org.jodb.btree;

/**
 * The key bounds of a view of a {@link LongBTree}, each absent, inclusive or exclusive, and the
 * view's lowest and highest entries and neighbours of a key within them, in ascending order.
 * Immutable.
 */
final class KeyRange {
    static final KeyRange ALL = new KeyRange(true, 0, false, true, 0, false);

    private final boolean fromStart;
    private final long low;
    private final boolean lowInclusive;
    private final boolean toEnd;
    private final long high;
    private final boolean highInclusive;

    private KeyRange(boolean fromStart, long low, boolean lowInclusive,
                     boolean toEnd, long high, boolean highInclusive) {
        this.fromStart = fromStart;
        this.low = low;
        this.lowInclusive = lowInclusive;
        this.toEnd = toEnd;
        this.high = high;
        this.highInclusive = highInclusive;
    }

    boolean isAll() {
        return fromStart && toEnd;
    }

    /** This range with a new lower bound, which the caller has checked to lie in this range. */
    KeyRange from(long key, boolean inclusive) {
        return ordered(new KeyRange(false, key, inclusive, toEnd, high, highInclusive));
    }

    /** This range with a new upper bound, which the caller has checked to lie in this range. */
    KeyRange to(long key, boolean inclusive) {
        return ordered(new KeyRange(fromStart, low, lowInclusive, false, key, inclusive));
    }

    private static KeyRange ordered(KeyRange range) {
        if (!range.fromStart && !range.toEnd && range.low > range.high) {
            throw new IllegalArgumentException("fromKey > toKey");
        }
        return range;
    }

    boolean tooLow(long key) {
        return !fromStart && (key < low || key == low && !lowInclusive);
    }

    boolean tooHigh(long key) {
        return !toEnd && (key > high || key == high && !highInclusive);
    }

    boolean contains(long key) {
        return !tooLow(key) && !tooHigh(key);
    }

    /**
     * Whether {@code key} may bound a view inside this one: inside the range, or for an exclusive
     * bound also on one of this range's own bounds (as {@code TreeMap} allows).
     */
    boolean admitsBound(long key, boolean inclusive) {
        if (inclusive) {
            return contains(key);
        }
        return (fromStart || key >= low) && (toEnd || key <= high);
    }

    BucketSlot lowest(LongBTree<?> tree) {
        BucketSlot slot = fromStart ? tree.firstSlot() : tree.ceilingSlot(low, lowInclusive);
        return slot == null || tooHigh(slot.key()) ? null : slot;
    }

    BucketSlot highest(LongBTree<?> tree) {
        BucketSlot slot = toEnd ? tree.lastSlot() : tree.floorSlot(high, highInclusive);
        return slot == null || tooLow(slot.key()) ? null : slot;
    }

    /** The first entry {@code >= key} ({@code > key} unless inclusive) in the range. */
    BucketSlot ceiling(LongBTree<?> tree, long key, boolean inclusive) {
        if (tooLow(key)) {
            return lowest(tree);
        }
        BucketSlot slot = tree.ceilingSlot(key, inclusive);
        return slot == null || tooHigh(slot.key()) ? null : slot;
    }

    /** The last entry {@code <= key} ({@code < key} unless inclusive) in the range. */
    BucketSlot floor(LongBTree<?> tree, long key, boolean inclusive) {
        if (tooHigh(key)) {
            return highest(tree);
        }
        BucketSlot slot = tree.floorSlot(key, inclusive);
        return slot == null || tooLow(slot.key()) ? null : slot;
    }
}
