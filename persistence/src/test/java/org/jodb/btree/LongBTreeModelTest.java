package org.jodb.btree;

import java.util.TreeMap;

/** {@link BTreeModelTest} on a {@link LongBTree}: keys around 0 and the extreme longs. */
class LongBTreeModelTest extends BTreeModelTest<Long> {

    @Override
    BTree<Long, String> newTree(int bucketCapacity, int nodeCapacity) {
        return new LongBTree<>(bucketCapacity, nodeCapacity);
    }

    @Override
    TreeMap<Long, String> newModel() {
        return new TreeMap<>();
    }

    @Override
    Long key(long n) {
        return n;
    }
}
