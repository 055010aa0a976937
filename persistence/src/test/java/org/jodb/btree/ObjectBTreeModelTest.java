package org.jodb.btree;

import java.util.TreeMap;

/** {@link BTreeModelTest} on an {@link ObjectBTree} of {@code String} keys in natural order. */
class ObjectBTreeModelTest extends BTreeModelTest<String> {

    @Override
    BTree<String, String> newTree(int bucketCapacity, int nodeCapacity) {
        return new ObjectBTree<>(null, bucketCapacity, nodeCapacity);
    }

    @Override
    TreeMap<String, String> newModel() {
        return new TreeMap<>();
    }

    /** "k" and the number, zero-padded so that text order is number order; "" and "~" the extremes. */
    @Override
    String key(long n) {
        if (n == Long.MIN_VALUE) {
            return "";
        }
        if (n == Long.MAX_VALUE) {
            return "~";
        }
        return String.format("k%08d", n + 10_000_000);
    }
}
