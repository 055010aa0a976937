package org.jodb.btree;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jodb.Persistence;
import org.jodb.cache.ObjectState;

/**
 * One internal node or bucket of a {@link BTree}, as a {@link TreeVisitor} sees it. What the
 * parent knows (the kind of part, its level, its key bounds, its oid and state) costs no load;
 * {@link #size()}, {@link #keys()} and {@link #values()} load the part if it is a ghost. Keys are
 * the tree's keys ({@link Long}s for a {@link LongBTree}). Valid during the visit only.
 */
public final class TreePart {
    private final Object part;
    private final int level;
    /** The lowest key the range admits, or null if unbounded (keys are never null). */
    private final Object lower;
    /** The key the range stops before, or null if unbounded. */
    private final Object upper;

    TreePart(Object part, int level, Object lower, Object upper) {
        this.part = part;
        this.level = level;
        this.lower = lower;
        this.upper = upper;
    }

    /** Whether this part is a bucket (it holds entries) rather than an internal node. */
    public boolean isBucket() {
        return part instanceof Bucket;
    }

    /** The distance from the root: 0 for the root. */
    public int level() {
        return level;
    }

    /** The persistent object itself, e.g. for {@link Persistence#deactivate}. */
    public Object object() {
        return part;
    }

    /** Its oid, or 0 if it was never stored. */
    public long oid() {
        return Persistence.oid(part);
    }

    /** Its state; {@link ObjectState#GHOST} when not loaded. */
    public ObjectState state() {
        return Persistence.state(part);
    }

    /** The lowest key its range admits (inclusive), empty for the leftmost parts. */
    public Optional<Object> lowerBound() {
        return Optional.ofNullable(lower);
    }

    /** The key its range stops before (exclusive), empty for the rightmost parts. */
    public Optional<Object> upperBound() {
        return Optional.ofNullable(upper);
    }

    /** Entries of a bucket, children of a node; loads it. */
    public int size() {
        return isBucket() ? ((Bucket) part).size() : ((TreeNode) part).size();
    }

    /** A bucket's keys, or a node's separators (one fewer than its children), in order; loads it. */
    public List<Object> keys() {
        List<Object> keys = new ArrayList<>();
        if (isBucket()) {
            Bucket bucket = (Bucket) part;
            for (int i = 0; i < bucket.size(); i++) {
                keys.add(bucket.keyAt(i));
            }
        } else {
            TreeNode node = (TreeNode) part;
            for (int i = 0; i < node.size() - 1; i++) {
                keys.add(node.separatorAt(i));
            }
        }
        return keys;
    }

    /** A bucket's values in key order (persistent ones as ghosts until used); loads the bucket. */
    public List<Object> values() {
        if (!isBucket()) {
            throw new IllegalStateException("an internal node holds no values");
        }
        Bucket bucket = (Bucket) part;
        List<Object> values = new ArrayList<>(bucket.size());
        for (int i = 0; i < bucket.size(); i++) {
            values.add(bucket.valueAt(i));
        }
        return values;
    }

    /** The part of child {@code index} of this node, bounded by this node's separators. */
    TreePart child(int index) {
        TreeNode node = (TreeNode) part;
        int last = node.size() - 1;
        return new TreePart(node.childAt(index), level + 1,
                index > 0 ? node.separatorAt(index - 1) : lower,
                index < last ? node.separatorAt(index) : upper);
    }
}
