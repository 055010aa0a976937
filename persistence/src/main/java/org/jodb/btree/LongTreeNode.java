package org.jodb.btree;

import org.jodb.Persistent;

/**
 * A {@link TreeNode} of a {@link LongBTree}: its separators unboxed in a {@code long[]}, in memory
 * and in the record; {@link #childIndexFor(long)} finds a child without boxing.
 */
@Persistent(detectChanges = false)
final class LongTreeNode extends TreeNode {
    private long[] separators;

    /** A new root above a split: {@code left}, then {@code right} from {@code separator} up. */
    LongTreeNode(LongBTree<?> tree, Object left, long separator, Object right) {
        this(tree, new long[INITIAL_LENGTH - 1], rootChildren(left, right), 2);
        separators[0] = separator;
    }

    private LongTreeNode(BTree<?, ?> tree, long[] separators, Object[] children, int size) {
        super(tree, children, size);
        this.separators = separators;
    }

    /** The index of the child whose key range holds {@code key}. */
    int childIndexFor(long key) {
        int found = LongSearch.search(separators, size() - 1, key);
        return found >= 0 ? found + 1 : -found - 1; // the number of separators <= key
    }

    /**
     * {@link #childIndexFor(long)} for a lookup that came down the tree, interpolating the first
     * probe between this node's bounds in its parent as {@link LongBucket#search(long, long, long)}.
     */
    int childIndexFor(long key, long low, long high) {
        long[] bounds = separators;
        int count = size() - 1; // separators in use
        if (count == 0) {
            return 0;
        }
        long from = low == Long.MIN_VALUE ? bounds[0] : low;
        long to = high == Long.MAX_VALUE ? bounds[count - 1] : high;
        int found = LongSearch.searchFrom(bounds, count, key, LongSearch.guess(key, from, to, count));
        return found >= 0 ? found + 1 : -found - 1;
    }

    /** Separator {@code index} unboxed: the lowest key of child {@code index + 1}. */
    long longSeparatorAt(int index) {
        return separators[index];
    }

    @Override
    int childIndexFor(Object key) {
        return childIndexFor(((Long) key).longValue());
    }

    @Override
    Object separators() {
        return separators;
    }

    @Override
    void setSeparators(Object separators) {
        this.separators = (long[]) separators;
    }

    @Override
    Object newSeparators(int length) {
        return new long[length];
    }

    @Override
    TreeNode newNode(Object separators, Object[] children, int size) {
        return new LongTreeNode(tree(), (long[]) separators, children, size);
    }

    @Override
    Object keyIn(Object separators, int index) {
        return ((long[]) separators)[index];
    }

    @Override
    void setSeparator(Object separators, int index, Object separator) {
        ((long[]) separators)[index] = (Long) separator;
    }
}
