package org.jodb.btree;

import java.util.Comparator;
import org.jodb.Persistent;

/**
 * A {@link TreeNode} of an {@link ObjectBTree}: its separators in an {@code Object[]}, ordered by
 * the tree's comparator, which the node stores too.
 */
@Persistent(detectChanges = false)
final class ObjectTreeNode extends TreeNode {
    private Object[] separators;
    /** The tree's comparator; null for the keys' natural order. */
    private Comparator<Object> comparator;

    /** A new root above a split: {@code left}, then {@code right} from {@code separator} up. */
    ObjectTreeNode(ObjectBTree<?, ?> tree, Comparator<Object> comparator, Object left, Object separator, Object right) {
        this(tree, comparator, new Object[INITIAL_LENGTH - 1], rootChildren(left, right), 2);
        separators[0] = separator;
    }

    private ObjectTreeNode(BTree<?, ?> tree, Comparator<Object> comparator, Object[] separators, Object[] children,
                           int size) {
        super(tree, children, size);
        this.separators = separators;
        this.comparator = comparator;
    }

    @Override
    int childIndexFor(Object key) {
        Object[] bounds = separators;
        Comparator<Object> order = comparator;
        int low = 0;
        int high = size() - 1; // separators in use
        while (low < high) {  // the number of separators <= key
            int middle = (low + high) >>> 1;
            if (KeyOrder.compare(order, bounds[middle], key) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    @Override
    Object separators() {
        return separators;
    }

    @Override
    void setSeparators(Object separators) {
        this.separators = (Object[]) separators;
    }

    @Override
    Object newSeparators(int length) {
        return new Object[length];
    }

    @Override
    TreeNode newNode(Object separators, Object[] children, int size) {
        return new ObjectTreeNode(tree(), comparator, (Object[]) separators, children, size);
    }

    @Override
    Object keyIn(Object separators, int index) {
        return ((Object[]) separators)[index];
    }

    @Override
    void setSeparator(Object separators, int index, Object separator) {
        ((Object[]) separators)[index] = separator;
    }
}
