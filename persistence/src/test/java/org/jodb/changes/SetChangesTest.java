package org.jodb.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jodb.changes.model.Color;
import org.jodb.changes.model.SetHolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Elements added to or removed from a set held in a field are committed. */
class SetChangesTest {
    @TempDir
    Path directory;
    private DatabaseFile file;

    @BeforeEach
    void store() {
        file = new DatabaseFile(directory);
        file.store("sets", new SetHolder(List.of("a", "b"), List.of(Color.RED, Color.GREEN)));
    }

    @Test
    void anElementAddedToASetDeclaredAsSetIsCommitted() {
        file.change("sets", SetHolder.class, sets -> sets.set().add("c"));

        assertEquals(Set.of("a", "b", "c"), file.read("sets", SetHolder.class, SetHolder::set));
    }

    @Test
    void anElementRemovedFromASetIsCommitted() {
        file.change("sets", SetHolder.class, sets -> sets.set().remove("a"));

        assertEquals(Set.of("b"), file.read("sets", SetHolder.class, SetHolder::set));
    }

    @Test
    void anElementAddedToAFieldDeclaredAsLinkedHashSetIsCommittedInItsOrder() {
        file.change("sets", SetHolder.class, sets -> sets.linkedHashSet().add("0"));

        assertEquals(List.of("a", "b", "0"), file.read("sets", SetHolder.class, sets -> List.copyOf(sets.linkedHashSet())));
    }

    @Test
    void anElementRemovedFromAFieldDeclaredAsTreeSetIsCommitted() {
        file.change("sets", SetHolder.class, sets -> sets.treeSet().pollFirst());

        assertEquals(Set.of("b"), file.read("sets", SetHolder.class, SetHolder::treeSet));
    }

    @Test
    void anEnumConstantAddedToALazilyCreatedHashSetIsCommitted() {
        file.change("sets", SetHolder.class, sets -> sets.lazyEnumSet().add(Color.BLUE));

        assertEquals(Set.of(Color.RED, Color.GREEN, Color.BLUE), file.read("sets", SetHolder.class, SetHolder::lazyEnumSet));
    }

    @Test
    void anEnumConstantRemovedFromALazilyCreatedHashSetIsCommitted() {
        file.change("sets", SetHolder.class, sets -> sets.lazyEnumSet().remove(Color.RED));

        assertEquals(Set.of(Color.GREEN), file.read("sets", SetHolder.class, SetHolder::lazyEnumSet));
    }
}
