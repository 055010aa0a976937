package org.jodb.btree;

/**
 * The key bounds of a view of a {@link BTree}, each absent, inclusive or exclusive, and the view's
 * lowest and highest entries and neighbours of a key within them, in ascending order of the tree.
 * Keys are the tree's checked keys ({@link BTree#checkedKey}), compared in its order. Immutable.
 */
final class KeyRange {
    private final BTree<?, ?> tree;
    /** The lower bound, or null if there is none (keys are never null). */
    private final Object low;
    private final boolean lowInclusive;
    /** The upper bound, or null if there is none. */
    private final Object high;
    private final boolean highInclusive;

    private KeyRange(BTree<?, ?> tree, Object low, boolean lowInclusive, Object high, boolean highInclusive) {
        this.tree = tree;
        this.low = low;
        this.lowInclusive = lowInclusive;
        this.high = high;
        this.highInclusive = highInclusive;
    }

    /** The whole of {@code tree}. */
    static KeyRange all(BTree<?, ?> tree) {
        return new KeyRange(tree, null, false, null, false);
    }

    boolean isAll() {
        return low == null && high == null;
    }

    /** This range with a new lower bound, which the caller has checked to lie in this range. */
    KeyRange from(Object key, boolean inclusive) {
        return ordered(new KeyRange(tree, key, inclusive, high, highInclusive));
    }

    /** This range with a new upper bound, which the caller has checked to lie in this range. */
    KeyRange to(Object key, boolean inclusive) {
        return ordered(new KeyRange(tree, low, lowInclusive, key, inclusive));
    }

    private static KeyRange ordered(KeyRange range) {
        if (range.low != null && range.high != null && range.tree.compare(range.low, range.high) > 0) {
            throw new IllegalArgumentException("fromKey > toKey");
        }
        return range;
    }

    boolean tooLow(Object key) {
        if (low == null) {
            return false;
        }
        int order = tree.compare(key, low);
        return order < 0 || order == 0 && !lowInclusive;
    }

    boolean tooHigh(Object key) {
        if (high == null) {
            return false;
        }
        int order = tree.compare(key, high);
        return order > 0 || order == 0 && !highInclusive;
    }

    /** Whether the range has a lower bound: else nothing is {@link #tooLow}. */
    boolean boundedBelow() {
        return low != null;
    }

    /** Whether the range has an upper bound: else nothing is {@link #tooHigh}. */
    boolean boundedAbove() {
        return high != null;
    }

    boolean contains(Object key) {
        return !tooLow(key) && !tooHigh(key);
    }

    /**
     * Whether {@code key} may bound a view inside this one: inside the range, or for an exclusive
     * bound also on one of this range's own bounds (as {@code TreeMap} allows).
     */
    boolean admitsBound(Object key, boolean inclusive) {
        if (inclusive) {
            return contains(key);
        }
        return (low == null || tree.compare(key, low) >= 0) && (high == null || tree.compare(key, high) <= 0);
    }

    BucketSlot lowest() {
        BucketSlot slot = low == null ? tree.firstSlot() : tree.ceilingSlot(low, lowInclusive);
        return slot == null || tooHigh(slot.key()) ? null : slot;
    }

    BucketSlot highest() {
        BucketSlot slot = high == null ? tree.lastSlot() : tree.floorSlot(high, highInclusive);
        return slot == null || tooLow(slot.key()) ? null : slot;
    }

    /** The first entry {@code >= key} ({@code > key} unless inclusive) in the range. */
    BucketSlot ceiling(Object key, boolean inclusive) {
        if (tooLow(key)) {
            return lowest();
        }
        BucketSlot slot = tree.ceilingSlot(key, inclusive);
        return slot == null || tooHigh(slot.key()) ? null : slot;
    }

    /** The last entry {@code <= key} ({@code < key} unless inclusive) in the range. */
    BucketSlot floor(Object key, boolean inclusive) {
        if (tooHigh(key)) {
            return highest();
        }
        BucketSlot slot = tree.floorSlot(key, inclusive);
        return slot == null || tooLow(slot.key()) ? null : slot;
    }
}
