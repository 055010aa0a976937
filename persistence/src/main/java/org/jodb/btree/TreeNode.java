package org.jodb.btree;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import org.jodb.Persistent;
import org.jodb.cache.PersistentObject;

/**
 * An internal node of a {@link BTree}: up to the tree's node capacity of children (all buckets or
 * all nodes) and the separators between them: {@code separatorAt(i)} is a lower bound of the keys
 * under child {@code i + 1} and greater than every key under child {@code i}. Child 0 has no
 * separator of its own: its lower bound is the node's. Its own record; a ghost until touched. This
 * class holds the children and the algorithms (insert, remove, split); a subclass holds the
 * separators in an array of its key type ({@link LongTreeNode}, {@link ObjectTreeNode}) and
 * finds a key's child.
 */
@Persistent(detectChanges = false)
abstract class TreeNode {
    static final int INITIAL_LENGTH = 8;
    private static final VarHandle TREE;

    static {
        try {
            TREE = MethodHandles.lookup().findVarHandle(TreeNode.class, "tree", BTree.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The tree this node belongs to; never changes. */
    private BTree<?, ?> tree;
    private Object[] children;
    private int size;

    TreeNode(BTree<?, ?> tree, Object[] children, int size) {
        this.tree = tree;
        this.children = children;
        this.size = size;
    }

    /** The children of a new root above a split: {@code left} and {@code right}, with room for more. */
    static Object[] rootChildren(Object left, Object right) {
        Object[] children = new Object[INITIAL_LENGTH];
        children[0] = left;
        children[1] = right;
        return children;
    }

    /** The separator array (a {@code long[]} or an {@code Object[]}), at least {@code size() - 1} long. */
    abstract Object separators();

    abstract void setSeparators(Object separators);

    /** A new separator array of this node's type. */
    abstract Object newSeparators(int length);

    /** A new node of this node's type and tree. */
    abstract TreeNode newNode(Object separators, Object[] children, int size);

    /** Key {@code index} of {@code separators} (an array of this node's type), boxed if primitive. */
    abstract Object keyIn(Object separators, int index);

    /** Stores {@code separator} (of the tree's key type) at {@code index} of {@code separators}. */
    abstract void setSeparator(Object separators, int index, Object separator);

    /** The index of the child whose key range holds {@code key}. */
    abstract int childIndexFor(Object key);

    /**
     * The tree of this node if it is loaded (or new), else null; loads nothing. A VarHandle read
     * bypasses the enhanced read hook (see {@link Bucket#treeIfLoaded}).
     */
    static BTree<?, ?> treeIfLoaded(TreeNode node) {
        return (BTree<?, ?>) TREE.get(node);
    }

    final BTree<?, ?> tree() {
        return tree;
    }

    /** The number of children. */
    final int size() {
        return size;
    }

    /** Separator {@code index}, boxed if the keys are primitive. */
    final Object separatorAt(int index) {
        return keyIn(separators(), index);
    }

    final Object childAt(int index) {
        return children[index];
    }

    /** Adds {@code child} at {@code index >= 1}, keys from {@code separator} up; the node has room. */
    final void insertChild(int index, Object separator, Object child, int capacity) {
        Object separators = separators();
        if (size == children.length) {
            int length = Math.min(capacity, Math.max(INITIAL_LENGTH, size + (size >> 1)));
            children = Arrays.copyOf(children, length);
            separators = copy(separators, 0, size - 1, length - 1);
            setSeparators(separators);
        }
        System.arraycopy(children, index, children, index + 1, size - index);
        System.arraycopy(separators, index - 1, separators, index, size - index);
        children[index] = child;
        setSeparator(separators, index - 1, separator);
        size++;
        changed();
    }

    /** Puts {@code child} in place of child {@code index}, over the same key range. */
    final void replaceChild(int index, Object child) {
        children[index] = child;
        changed();
    }

    /**
     * Removes child {@code index} (whose keys are gone) and the separator that bounded it: its left
     * one, or for child 0 its right one, so that the next child takes over child 0's range.
     */
    final void removeChild(int index) {
        System.arraycopy(children, index + 1, children, index, size - index - 1);
        children[size - 1] = null;
        int separator = index == 0 ? 0 : index - 1;
        Object separators = separators();
        if (size > 1) {
            System.arraycopy(separators, separator + 1, separators, separator, size - 2 - separator);
            if (separators instanceof Object[]) {
                ((Object[]) separators)[size - 2] = null; // no removed key stays reachable
            }
        }
        size--;
        changed();
    }

    /**
     * Splits this full node while adding {@code child} at {@code index}: this node keeps the lower
     * half of the children; the returned split holds the new node with the upper half and the
     * separator between the two, which moves up to the parent. A child added after the last one
     * starts the new node alone, so that appends leave full nodes behind.
     */
    final Split splitInserting(int index, Object separator, Object child) {
        int total = size + 1;
        Object separators = separators();
        Object[] allChildren = new Object[total];
        Object allSeparators = newSeparators(total - 1);
        System.arraycopy(children, 0, allChildren, 0, index);
        allChildren[index] = child;
        System.arraycopy(children, index, allChildren, index + 1, size - index);
        System.arraycopy(separators, 0, allSeparators, 0, index - 1);
        setSeparator(allSeparators, index - 1, separator);
        System.arraycopy(separators, index - 1, allSeparators, index, size - index);
        int lower = index == size ? size : total / 2;
        TreeNode right = newNode(copy(allSeparators, lower, total - 1, total - 1 - lower),
                Arrays.copyOfRange(allChildren, lower, total), total - lower);
        Object up = keyIn(allSeparators, lower - 1);
        children = Arrays.copyOf(allChildren, lower);
        setSeparators(copy(allSeparators, 0, lower - 1, lower - 1));
        size = lower;
        return new Split(up, right);
    }

    /** A node split: the new right node and the lowest key bound of its range (boxed if primitive). */
    record Split(Object separator, TreeNode right) {
    }

    private Object copy(Object separators, int from, int to, int length) {
        Object copy = newSeparators(length);
        System.arraycopy(separators, from, copy, 0, to - from);
        return copy;
    }

    final void changed() {
        ((PersistentObject) (Object) this).markChanged();
    }
}
