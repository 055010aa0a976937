package org.jodb.btree;

import java.util.Comparator;
import org.jodb.Persistent;

/**
 * A persistent sorted set of any elements: a {@link BTreeSet} over an {@link ObjectBTree}, in the
 * order of a {@link Comparator} given at creation or the elements' natural order. The comparator
 * is stored and must be storable (see {@link ObjectBTree}); null elements and elements that cannot
 * be ordered throw as {@link ObjectBTree}'s keys do, changing nothing.
 *
 * <p>Not thread-safe: like every persistent object, a set is used by its connection's thread.
 *
 * @param <E> the element type
 */
@Persistent(detectChanges = false)
public class ObjectTreeSet<E> extends BTreeSet<E> {

    /** An empty set in the elements' natural order, with the tree's default capacities. */
    public ObjectTreeSet() {
        super(new ObjectBTree<>());
    }

    /**
     * An empty set ordered by {@code comparator} (null: natural order).
     *
     * @throws IllegalArgumentException if the comparator cannot be stored
     */
    public ObjectTreeSet(Comparator<? super E> comparator) {
        super(new ObjectBTree<>(comparator));
    }

    /**
     * An empty set ordered by {@code comparator} whose tree has these capacities (see
     * {@link ObjectBTree#ObjectBTree(Comparator, int, int)}).
     */
    public ObjectTreeSet(Comparator<? super E> comparator, int bucketCapacity, int nodeCapacity) {
        super(new ObjectBTree<>(comparator, bucketCapacity, nodeCapacity));
    }
}
