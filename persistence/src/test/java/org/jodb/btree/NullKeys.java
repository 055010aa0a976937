package org.jodb.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The bad-input tests' check that a tree of either kind refuses null keys everywhere. */
final class NullKeys {
    private NullKeys() {
    }

    /**
     * Asserts that every way of passing a null key to {@code tree} throws
     * {@link NullPointerException} and leaves it unchanged; {@code bound} is any key.
     */
    static <K> void assertRefused(BTree<K, String> tree, K bound) {
        Map<K, String> before = new TreeMap<>(tree);
        assertThrows(NullPointerException.class, () -> tree.put(null, "x"));
        assertThrows(NullPointerException.class, () -> tree.get(null));
        assertThrows(NullPointerException.class, () -> tree.remove(null));
        assertThrows(NullPointerException.class, () -> tree.containsKey(null));
        assertThrows(NullPointerException.class, () -> tree.ceilingKey(null));
        assertThrows(NullPointerException.class, () -> tree.lowerEntry(null));
        assertThrows(NullPointerException.class, () -> tree.subMap(null, bound));
        assertThrows(NullPointerException.class, () -> tree.headMap(bound).get(null));
        assertThrows(NullPointerException.class, () -> tree.keySet().contains(null));
        assertThrows(NullPointerException.class, () -> tree.putAll(Collections.singletonMap(null, "x")));
        assertEquals(before, tree);
        assertEquals(before.size(), tree.size());
    }
}
