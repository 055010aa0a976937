package org.jodb.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jodb.Persistence;
import org.jodb.changes.model.NestedHolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changes to a collection held inside another collection are committed. */
class NestedCollectionChangesTest {
    @TempDir
    Path directory;
    private DatabaseFile file;

    @BeforeEach
    void store() {
        file = new DatabaseFile(directory);
        file.store("nested", new NestedHolder());
    }

    @Test
    void anElementAddedToAListInAMapIsCommitted() {
        file.change("nested", NestedHolder.class, nested -> nested.scores().get("ann").add(3));

        assertEquals(Map.of("ann", List.of(1, 2, 3)), file.read("nested", NestedHolder.class, NestedHolder::scores));
    }

    @Test
    void aListAddedToAMapOfListsIsCommitted() {
        file.change("nested", NestedHolder.class,
                nested -> nested.scores().computeIfAbsent("bob", name -> new ArrayList<>()).add(7));

        assertEquals(Map.of("ann", List.of(1, 2), "bob", List.of(7)),
                file.read("nested", NestedHolder.class, NestedHolder::scores));
    }

    @Test
    void anElementMovedBetweenTwoListsOfAMapIsCommitted() {
        file.change("nested", NestedHolder.class, nested -> {
            nested.scores().put("bob", new ArrayList<>(List.of(3)));
            Persistence.markChanged(nested);
        });
        file.change("nested", NestedHolder.class, nested -> {
            Integer moved = nested.scores().get("ann").remove(1);
            nested.scores().get("bob").add(moved);
        });

        assertEquals(Map.of("ann", List.of(1), "bob", List.of(3, 2)),
                file.read("nested", NestedHolder.class, NestedHolder::scores));
    }

    @Test
    void aListSharedInPlaceOfAnEqualOneIsCommitted() {
        file.change("nested", NestedHolder.class, nested -> {
            nested.rows().set(1, new ArrayList<>(nested.rows().get(0)));
            Persistence.markChanged(nested);
        });
        file.change("nested", NestedHolder.class, nested -> nested.rows().set(1, nested.rows().get(0)));

        boolean shared = file.read("nested", NestedHolder.class, nested -> nested.rows().get(0) == nested.rows().get(1));
        assertTrue(shared, "both rows are one list");
    }

    @Test
    void anElementSetInAListOfListsIsCommitted() {
        file.change("nested", NestedHolder.class, nested -> nested.rows().get(1).set(0, "C"));

        assertEquals(List.of(List.of("a", "b"), List.of("C")), file.read("nested", NestedHolder.class, NestedHolder::rows));
    }

    @Test
    void anElementRemovedFromAListOfListsIsCommitted() {
        file.change("nested", NestedHolder.class, nested -> nested.rows().get(0).remove("a"));

        assertEquals(List.of(List.of("b"), List.of("c")), file.read("nested", NestedHolder.class, NestedHolder::rows));
    }

    @Test
    void anEntryPutIntoAMapInAMapIsCommitted() {
        file.change("nested", NestedHolder.class, nested -> nested.tables().get("stock").put("pears", 5));

        assertEquals(Map.of("stock", Map.of("apples", 3, "pears", 5)),
                file.read("nested", NestedHolder.class, NestedHolder::tables));
    }
}
