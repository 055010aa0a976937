package org.jodb.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.jodb.Persistence;
import org.jodb.changes.model.ListHolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Elements added to, removed from, replaced in or reordered in a list held in a field are committed. */
class ListChangesTest {
    @TempDir
    Path directory;
    private DatabaseFile file;

    @BeforeEach
    void store() {
        file = new DatabaseFile(directory);
        file.store("lists", new ListHolder("a", "b"));
    }

    @Test
    void anElementAddedToAListDeclaredAsListIsCommitted() {
        file.change("lists", ListHolder.class, lists -> lists.list().add("c"));

        assertEquals(List.of("a", "b", "c"), file.read("lists", ListHolder.class, ListHolder::list));
    }

    @Test
    void anElementRemovedFromAListIsCommitted() {
        file.change("lists", ListHolder.class, lists -> lists.list().remove("a"));

        assertEquals(List.of("b"), file.read("lists", ListHolder.class, ListHolder::list));
    }

    @Test
    void anElementSetInAListIsCommitted() {
        file.change("lists", ListHolder.class, lists -> lists.list().set(1, "B"));

        assertEquals(List.of("a", "B"), file.read("lists", ListHolder.class, ListHolder::list));
    }

    @Test
    void aReorderedListIsCommitted() {
        file.change("lists", ListHolder.class, lists -> Collections.reverse(lists.list()));

        assertEquals(List.of("b", "a"), file.read("lists", ListHolder.class, ListHolder::list));
    }

    @Test
    void aClearedListIsCommitted() {
        file.change("lists", ListHolder.class, lists -> lists.list().clear());

        assertEquals(List.of(), file.read("lists", ListHolder.class, ListHolder::list));
    }

    @Test
    void elementsSwappedBetweenTwoListsAreCommitted() {
        file.change("lists", ListHolder.class, lists -> {
            lists.list().set(0, "x");
            lists.arrayList().set(0, "y");
            Persistence.markChanged(lists);
        });
        file.change("lists", ListHolder.class, lists -> {
            lists.list().set(0, "y");
            lists.arrayList().set(0, "x");
        });

        assertEquals(List.of("y", "b"), file.read("lists", ListHolder.class, ListHolder::list));
        assertEquals(List.of("x", "b"), file.read("lists", ListHolder.class, ListHolder::arrayList));
    }

    @Test
    void anElementAddedToAFieldDeclaredAsArrayListIsCommitted() {
        file.change("lists", ListHolder.class, lists -> lists.arrayList().add("c"));

        assertEquals(List.of("a", "b", "c"), file.read("lists", ListHolder.class, ListHolder::arrayList));
    }

    @Test
    void anElementAddedToAFieldDeclaredAsLinkedListIsCommitted() {
        file.change("lists", ListHolder.class, lists -> lists.linkedList().addFirst("z"));

        assertEquals(List.of("z", "a", "b"), file.read("lists", ListHolder.class, ListHolder::linkedList));
    }

    @Test
    void anElementAddedToALazilyCreatedListIsCommitted() {
        file.change("lists", ListHolder.class, lists -> lists.lazyList().add("c"));

        assertEquals(List.of("a", "b", "c"), file.read("lists", ListHolder.class, ListHolder::lazyList));
    }
}
