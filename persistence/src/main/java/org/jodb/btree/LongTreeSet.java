package org.jodb.btree;

import org.jodb.Persistent;

/**
 * A persistent sorted set of {@code long}s: a {@link BTreeSet} over a {@link LongBTree}, whose
 * buckets keep the elements unboxed. The {@code long} methods spare the caller the boxing.
 *
 * <p>Not thread-safe: like every persistent object, a set is used by its connection's thread.
 */
@Persistent(detectChanges = false)
public class LongTreeSet extends BTreeSet<Long> {

    /** An empty set with the tree's default capacities. */
    public LongTreeSet() {
        super(new LongBTree<>());
    }

    /** An empty set whose tree has these capacities (see {@link LongBTree#LongBTree(int, int)}). */
    public LongTreeSet(int bucketCapacity, int nodeCapacity) {
        super(new LongBTree<>(bucketCapacity, nodeCapacity));
    }

    @Override
    public LongBTree<?> tree() {
        return (LongBTree<?>) super.tree();
    }

    public boolean add(long element) {
        return add(Long.valueOf(element));
    }

    public boolean contains(long element) {
        return tree().containsKey(element);
    }

    public boolean remove(long element) {
        return tree().remove(element) != null;
    }
}
