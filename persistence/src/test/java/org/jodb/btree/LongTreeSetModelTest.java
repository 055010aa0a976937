package org.jodb.btree;

import java.util.TreeSet;

/** {@link BTreeSetModelTest} on a {@link LongTreeSet}. */
class LongTreeSetModelTest extends BTreeSetModelTest<Long> {

    @Override
    BTreeSet<Long> newSet(int bucketCapacity, int nodeCapacity) {
        return new LongTreeSet(bucketCapacity, nodeCapacity);
    }

    @Override
    TreeSet<Long> newModel() {
        return new TreeSet<>();
    }

    @Override
    Long element(long n) {
        return n;
    }
}
