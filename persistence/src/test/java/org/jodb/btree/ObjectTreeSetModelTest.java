package org.jodb.btree;

import java.util.TreeSet;

/**
 * {@link BTreeSetModelTest} on an {@link ObjectTreeSet} of strings ordered by a comparator
 * ({@link CaseInsensitiveDescending}), elements spelled in either case.
 */
class ObjectTreeSetModelTest extends BTreeSetModelTest<String> {
    private int spelled;

    @Override
    BTreeSet<String> newSet(int bucketCapacity, int nodeCapacity) {
        return new ObjectTreeSet<>(CaseInsensitiveDescending.ORDER, bucketCapacity, nodeCapacity);
    }

    @Override
    TreeSet<String> newModel() {
        return new TreeSet<>(CaseInsensitiveDescending.ORDER);
    }

    /** Descending text for ascending numbers, "e" or "E" in turn. */
    @Override
    String element(long n) {
        return (spelled++ % 3 == 0 ? "E" : "e") + String.format("%06d", 500_000 - n);
    }
}
