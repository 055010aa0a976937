package org.jodb.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.NavigableMap;
import org.jodb.Connection;
import org.jodb.Database;
import org.junit.jupiter.api.Test;

/** Null and foreign keys, impossible capacities, out-of-range view keys, a closed connection. */
class LongBTreeBadInputTest {

    @Test
    void nullKeysThrowNullPointerExceptionAndChangeNothing() {
        LongBTree<String> tree = new LongBTree<>();
        tree.put(1L, "one");
        NullKeys.assertRefused(tree, 5L);
        assertEquals(Map.of(1L, "one"), tree);
    }

    @Test
    void keysOfAnotherTypeThrowClassCastException() {
        LongBTree<String> tree = new LongBTree<>();
        assertThrows(ClassCastException.class, () -> tree.get("1"));
        assertThrows(ClassCastException.class, () -> tree.containsKey((Object) 1));
        assertThrows(ClassCastException.class, () -> tree.remove((Object) 1));
        assertThrows(ClassCastException.class, () -> tree.keySet().remove("1"));
    }

    @Test
    void viewsRejectKeysOutsideTheirRange() {
        LongBTree<String> tree = new LongBTree<>();
        NavigableMap<Long, String> head = tree.headMap(10L, false);
        assertThrows(IllegalArgumentException.class, () -> head.put(10L, "x"));
        assertThrows(IllegalArgumentException.class, () -> head.subMap(0L, true, 10L, true));
        assertThrows(IllegalArgumentException.class, () -> tree.subMap(5L, 4L));
        assertThrows(IllegalArgumentException.class, () -> tree.descendingMap().subMap(4L, 5L));
        assertEquals(0, tree.size());
    }

    @Test
    void capacitiesBelowTheMinimumAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LongBTree<String>(1, 10));
        assertThrows(IllegalArgumentException.class, () -> new LongBTree<String>(10, 2));
    }

    @Test
    void aTreeOfAClosedConnectionThrowsIllegalStateException() {
        try (Database db = Database.inMemory()) {
            db.transact(conn -> {
                LongBTree<String> tree = new LongBTree<>();
                tree.put(1L, "one");
                conn.root().put("tree", tree);
            });
            Connection conn = db.open();
            @SuppressWarnings("unchecked")
            LongBTree<String> tree = (LongBTree<String>) conn.root().get("tree");
            assertEquals("one", tree.get(1L));
            conn.close();
            assertThrows(IllegalStateException.class, () -> tree.get(1L));
            assertThrows(IllegalStateException.class, () -> tree.put(2L, "two"));
            assertThrows(IllegalStateException.class, tree::size);
        }
    }
}
