package org.jodb.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
