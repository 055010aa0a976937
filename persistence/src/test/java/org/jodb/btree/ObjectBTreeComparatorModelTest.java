package org.jodb.btree;

import java.util.TreeMap;

/**
 * {@link BTreeModelTest} on an {@link ObjectBTree} with a comparator
 * ({@link CaseInsensitiveDescending}): keys come in both cases, so the same key (by the
 * comparator) is often put again spelled differently, and the order is the reverse of the text's.
 */
class ObjectBTreeComparatorModelTest extends BTreeModelTest<String> {
    private int spelled;

    @Override
    BTree<String, String> newTree(int bucketCapacity, int nodeCapacity) {
        return new ObjectBTree<>(CaseInsensitiveDescending.ORDER, bucketCapacity, nodeCapacity);
    }

    @Override
    TreeMap<String, String> newModel() {
        return new TreeMap<>(CaseInsensitiveDescending.ORDER);
    }

    /** Descending text for ascending numbers, "k" or "K" in turn; "~" and "" the extremes. */
    @Override
    String key(long n) {
        if (n == Long.MIN_VALUE) {
            return "~";
        }
        if (n == Long.MAX_VALUE) {
            return "";
        }
        return (spelled++ % 3 == 0 ? "K" : "k") + String.format("%08d", 50_000_000 - n);
    }
}
