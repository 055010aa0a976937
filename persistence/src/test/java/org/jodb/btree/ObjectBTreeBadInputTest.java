package org.jodb.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jodb.Connection;
import org.jodb.Database;
import org.junit.jupiter.api.Test;

/**
 * Null keys, keys the tree cannot order (nothing stored, the first insert into an empty tree
 * included), comparators that cannot be stored, a closed connection.
 */
class ObjectBTreeBadInputTest {

    /** A comparator that accepts null (first): null keys are refused all the same. */
    record NullsFirst() implements Comparator<String> {
        @Override
        public int compare(String a, String b) {
            return a == null ? (b == null ? 0 : -1) : b == null ? 1 : a.compareTo(b);
        }
    }

    @Test
    void nullKeysThrowNullPointerExceptionAndChangeNothing() {
        for (ObjectBTree<String, String> tree : List.of(new ObjectBTree<String, String>(),
                new ObjectBTree<String, String>(new NullsFirst()))) {
            tree.put("a", "one");
            NullKeys.assertRefused(tree, "z");
            assertEquals(Map.of("a", "one"), tree);
        }
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void keysThatCannotBeOrderedThrowClassCastExceptionAndStoreNothing() {
        try (Database db = Database.inMemory()) {
            db.transact(conn -> {
                Map raw = new ObjectBTree<String, String>();
                // the first insert into an empty tree: no other key to compare with
                assertThrows(ClassCastException.class, () -> raw.put(new Object(), "not comparable"));
                assertThrows(ClassCastException.class, () -> raw.get(new Object()), "as TreeMap, even when empty");
                assertTrue(raw.isEmpty());
                assertEquals(0, raw.size());
                raw.put("a", "one");
                raw.put("b", "two");
                assertThrows(ClassCastException.class, () -> raw.put(42, "an Integer among Strings"));
                assertThrows(ClassCastException.class, () -> raw.put(new Object(), "not comparable"));
                assertThrows(ClassCastException.class, () -> raw.get(42));
                assertEquals(Map.of("a", "one", "b", "two"), raw);
                conn.root().put("tree", raw);
            });
            db.transact(conn -> {
                Map<String, String> tree = (Map<String, String>) conn.root().get("tree");
                assertEquals(new TreeMap<>(Map.of("a", "one", "b", "two")), new TreeMap<>(tree), "what was stored");
                assertEquals(2, tree.size());
            });
        }
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aComparatorThatRejectsAKeyLeavesTheEmptyTreeEmpty() {
        ObjectBTree<String, String> tree = new ObjectBTree<>(CaseInsensitiveDescending.ORDER);
        Map raw = tree;
        assertThrows(ClassCastException.class, () -> raw.put(42, "the comparator casts to String"));
        assertTrue(tree.isEmpty());
        assertEquals(0, tree.size());
        tree.put("a", "one");
        assertEquals(Map.of("a", "one"), tree);
    }

    @Test
    void lambdasAndAnonymousComparatorsAreRefusedAtCreation() {
        Comparator<String> lambda = (a, b) -> a.compareTo(b);
        Comparator<String> methodReference = String::compareTo;
        Comparator<String> anonymous = new Comparator<>() {
            @Override
            public int compare(String a, String b) {
                return a.compareTo(b);
            }
        };
        for (Comparator<String> comparator : List.of(lambda, methodReference, anonymous,
                Comparator.comparing(String::length))) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> new ObjectBTree<String, String>(comparator));
            assertTrue(refused.getMessage().contains(comparator.getClass().getName()), refused.getMessage());
            assertTrue(refused.getMessage().contains("enum constant, a record or a plain"), refused.getMessage());
            assertThrows(IllegalArgumentException.class, () -> new ObjectTreeSet<>(comparator));
        }
    }

    @Test
    void storableComparatorsAreStoredAndOrderTheReloadedTree() {
        try (Database db = Database.inMemory()) {
            db.transact(conn -> {
                for (Comparator<String> order : List.of(CaseInsensitiveDescending.ORDER, new NullsFirst(),
                        String.CASE_INSENSITIVE_ORDER, Comparator.<String>reverseOrder())) {
                    ObjectBTree<String, String> tree = new ObjectBTree<>(order, 4, 4);
                    for (String key : new String[] {"b", "C", "a", "D", "e"}) {
                        tree.put(key, key);
                    }
                    conn.root().put(order.getClass().getName(), tree);
                }
            });
            db.transact(conn -> {
                assertEquals("[e, D, C, b, a]", tree(conn, CaseInsensitiveDescending.class).keySet().toString());
                assertEquals("[C, D, a, b, e]", tree(conn, NullsFirst.class).keySet().toString());
                assertEquals("[a, b, C, D, e]", tree(conn, String.CASE_INSENSITIVE_ORDER.getClass()).keySet().toString());
                assertEquals("[e, b, a, D, C]", tree(conn, Comparator.reverseOrder().getClass()).keySet().toString());
                assertEquals("C", tree(conn, String.CASE_INSENSITIVE_ORDER.getClass()).get("c"));
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static ObjectBTree<String, String> tree(Connection conn, Class<?> order) {
        return (ObjectBTree<String, String>) conn.root().get(order.getName());
    }

    @Test
    void capacitiesBelowTheMinimumAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ObjectBTree<String, String>(null, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> new ObjectBTree<String, String>(null, 10, 2));
    }

    @Test
    void aTreeOfAClosedConnectionThrowsIllegalStateException() {
        try (Database db = Database.inMemory()) {
            db.transact(conn -> {
                ObjectBTree<String, String> tree = new ObjectBTree<>();
                tree.put("a", "one");
                conn.root().put("tree", tree);
            });
            Connection conn = db.open();
            @SuppressWarnings("unchecked")
            ObjectBTree<String, String> tree = (ObjectBTree<String, String>) conn.root().get("tree");
            assertEquals("one", tree.get("a"));
            conn.close();
            assertThrows(IllegalStateException.class, () -> tree.get("a"));
            assertThrows(IllegalStateException.class, () -> tree.put("b", "two"));
            assertThrows(IllegalStateException.class, tree::size);
            assertThrows(IllegalStateException.class, tree::firstKey);
        }
    }
}
