package org.jodb.btree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.jodb.Persistence;
import org.jodb.cache.ObjectState;

/**
 * One internal node or bucket of a {@link LongBTree}, as a {@link LongTreeVisitor} sees it. What
 * the parent knows (the kind of part, its level, its key bounds, its oid and state) costs no load;
 * {@link #size()}, {@link #keys()} and {@link #values()} load the part if it is a ghost.
 * Valid during the visit only.
 */
public final class TreePart {
    private final Object part;
    private final int level;
    private final boolean hasLower;
    private final long lower;
    private final boolean hasUpper;
    private final long upper;

    TreePart(Object part, int level, boolean hasLower, long lower, boolean hasUpper, long upper) {
        this.part = part;
        this.level = level;
        this.hasLower = hasLower;
        this.lower = lower;
        this.hasUpper = hasUpper;
        this.upper = upper;
    }

    /** Whether this part is a bucket (it holds entries) rather than an internal node. */
    public boolean isBucket() {
        return part instanceof LongBucket;
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
    public OptionalLong lowerBound() {
        return hasLower ? OptionalLong.of(lower) : OptionalLong.empty();
    }

    /** The key its range stops before (exclusive), empty for the rightmost parts. */
    public OptionalLong upperBound() {
        return hasUpper ? OptionalLong.of(upper) : OptionalLong.empty();
    }

    /** Entries of a bucket, children of a node; loads it. */
    public int size() {
        return isBucket() ? ((LongBucket) part).size() : ((LongTreeNode) part).size();
    }

    /** A bucket's keys, or a node's separators (one fewer than its children); loads it. */
    public long[] keys() {
        if (isBucket()) {
            LongBucket bucket = (LongBucket) part;
            long[] keys = new long[bucket.size()];
            Arrays.setAll(keys, bucket::keyAt);
            return keys;
        }
        LongTreeNode node = (LongTreeNode) part;
        long[] separators = new long[node.size() - 1];
        Arrays.setAll(separators, node::separatorAt);
        return separators;
    }

    /** A bucket's values in key order (persistent ones as ghosts until used); loads the bucket. */
    public List<Object> values() {
        if (!isBucket()) {
            throw new IllegalStateException("an internal node holds no values");
        }
        LongBucket bucket = (LongBucket) part;
        List<Object> values = new ArrayList<>(bucket.size());
        for (int i = 0; i < bucket.size(); i++) {
            values.add(bucket.valueAt(i));
        }
        return values;
    }

    /** The part of child {@code index} of this node, bounded by this node's separators. */
    TreePart child(int index) {
        LongTreeNode node = (LongTreeNode) part;
        int last = node.size() - 1;
        return new TreePart(node.childAt(index), level + 1,
                index > 0 || hasLower, index > 0 ? node.separatorAt(index - 1) : lower,
                index < last || hasUpper, index < last ? node.separatorAt(index) : upper);
    }
}
