package org.jodb.btree;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import org.jodb.Persistent;
import org.jodb.cache.PersistentObject;

/**
 * An internal node of a {@link LongBTree}: up to the tree's node capacity of children (all buckets
 * or all nodes) and the separators between them: {@code separatorAt(i)} is a lower bound of the
 * keys under child {@code i + 1} and greater than every key under child {@code i}. Child 0 has no
 * separator of its own: its lower bound is the node's. Its own record; a ghost until touched.
 */
@Persistent(detectChanges = false)
final class LongTreeNode {
    private static final int INITIAL_LENGTH = 8;
    private static final VarHandle TREE;

    static {
        try {
            TREE = MethodHandles.lookup().findVarHandle(LongTreeNode.class, "tree", LongBTree.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The tree this node belongs to; never changes. */
    private LongBTree<?> tree;
    private long[] separators;
    private Object[] children;
    private int size;

    /** A new root above a split: {@code left}, then {@code right} from {@code separator} up. */
    LongTreeNode(LongBTree<?> tree, Object left, long separator, Object right) {
        this(tree, new long[INITIAL_LENGTH - 1], new Object[INITIAL_LENGTH], 2);
        separators[0] = separator;
        children[0] = left;
        children[1] = right;
    }

    private LongTreeNode(LongBTree<?> tree, long[] separators, Object[] children, int size) {
        this.tree = tree;
        this.separators = separators;
        this.children = children;
        this.size = size;
    }

    /**
     * The tree of this node if it is loaded (or new), else null; loads nothing. A VarHandle read
     * bypasses the enhanced read hook (see {@link LongBucket#treeIfLoaded}).
     */
    static LongBTree<?> treeIfLoaded(LongTreeNode node) {
        return (LongBTree<?>) TREE.get(node);
    }

    /** The number of children. */
    int size() {
        return size;
    }

    Object childAt(int index) {
        return children[index];
    }

    long separatorAt(int index) {
        return separators[index];
    }

    /** The index of the child whose key range holds {@code key}. */
    int childIndexFor(long key) {
        long[] bounds = separators;
        int low = 0;
        int high = size - 1; // separators in use
        while (low < high) {  // the number of separators <= key
            int middle = (low + high) >>> 1;
            if (bounds[middle] <= key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Adds {@code child} at {@code index >= 1}, keys from {@code separator} up; the node has room. */
    void insertChild(int index, long separator, Object child, int capacity) {
        if (size == children.length) {
            int length = Math.min(capacity, Math.max(INITIAL_LENGTH, size + (size >> 1)));
            children = Arrays.copyOf(children, length);
            separators = Arrays.copyOf(separators, length - 1);
        }
        System.arraycopy(children, index, children, index + 1, size - index);
        System.arraycopy(separators, index - 1, separators, index, size - index);
        children[index] = child;
        separators[index - 1] = separator;
        size++;
        changed();
    }

    /**
     * Removes child {@code index} (whose keys are gone) and the separator that bounded it: its left
     * one, or for child 0 its right one, so that the next child takes over child 0's range.
     */
    void removeChild(int index) {
        System.arraycopy(children, index + 1, children, index, size - index - 1);
        children[size - 1] = null;
        int separator = index == 0 ? 0 : index - 1;
        if (size > 1) {
            System.arraycopy(separators, separator + 1, separators, separator, size - 2 - separator);
        }
        size--;
        changed();
    }

    /**
     * Splits this full node while adding {@code child} at {@code index}: this node keeps the lower
     * half of the children; the returned split holds the new node with the upper half and the
     * separator between the two, which moves up to the parent. A child added after the last one
     * starts the new node alone, as appends fill buckets (see {@link LongBucket#splitInserting}).
     */
    Split splitInserting(int index, long separator, Object child) {
        int total = size + 1;
        Object[] allChildren = new Object[total];
        long[] allSeparators = new long[total - 1];
        System.arraycopy(children, 0, allChildren, 0, index);
        allChildren[index] = child;
        System.arraycopy(children, index, allChildren, index + 1, size - index);
        System.arraycopy(separators, 0, allSeparators, 0, index - 1);
        allSeparators[index - 1] = separator;
        System.arraycopy(separators, index - 1, allSeparators, index, size - index);
        int lower = index == size ? size : total / 2;
        LongTreeNode right = new LongTreeNode(tree, Arrays.copyOfRange(allSeparators, lower, total - 1),
                Arrays.copyOfRange(allChildren, lower, total), total - lower);
        children = Arrays.copyOf(allChildren, lower);
        separators = Arrays.copyOf(allSeparators, lower - 1);
        size = lower;
        return new Split(allSeparators[lower - 1], right);
    }

    /** A node split: the new right node and the lowest key bound of its range. */
    record Split(long separator, LongTreeNode right) {
    }

    private void changed() {
        ((PersistentObject) (Object) this).markChanged();
    }
}
