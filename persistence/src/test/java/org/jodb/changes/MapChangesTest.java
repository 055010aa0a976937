package org.jodb.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jodb.changes.model.Color;
import org.jodb.changes.model.MapHolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entries put into, removed from or replaced in a map held in a field are committed. */
class MapChangesTest {
    @TempDir
    Path directory;
    private DatabaseFile file;

    @BeforeEach
    void store() {
        file = new DatabaseFile(directory);
        file.store("maps", new MapHolder(Map.of("a", 1, "b", 2)));
    }

    @Test
    void anEntryPutIntoAMapDeclaredAsMapIsCommitted() {
        file.change("maps", MapHolder.class, maps -> maps.map().put("c", 3));

        assertEquals(Map.of("a", 1, "b", 2, "c", 3), file.read("maps", MapHolder.class, MapHolder::map));
    }

    @Test
    void anEntryRemovedFromAMapIsCommitted() {
        file.change("maps", MapHolder.class, maps -> maps.map().remove("a"));

        assertEquals(Map.of("b", 2), file.read("maps", MapHolder.class, MapHolder::map));
    }

    @Test
    void aValueReplacedInAMapIsCommitted() {
        file.change("maps", MapHolder.class, maps -> maps.map().merge("a", 10, Integer::sum));

        assertEquals(Map.of("a", 11, "b", 2), file.read("maps", MapHolder.class, MapHolder::map));
    }

    @Test
    void valuesSwappedBetweenTwoKeysAreCommitted() {
        file.change("maps", MapHolder.class, maps -> {
            maps.map().put("a", 2);
            maps.map().put("b", 1);
        });

        assertEquals(Map.of("a", 2, "b", 1), file.read("maps", MapHolder.class, MapHolder::map));
    }

    @Test
    void aValueSetThroughAnEntryIsCommitted() {
        file.change("maps", MapHolder.class, maps -> maps.hashMap().entrySet().forEach(entry -> entry.setValue(0)));

        assertEquals(Map.of("a", 0, "b", 0), file.read("maps", MapHolder.class, MapHolder::hashMap));
    }

    @Test
    void anEntryPutIntoAFieldDeclaredAsTreeMapIsCommitted() {
        file.change("maps", MapHolder.class, maps -> maps.treeMap().put("0", 0));

        assertEquals(List.of("0", "a", "b"), file.read("maps", MapHolder.class, maps -> List.copyOf(maps.treeMap().keySet())));
    }

    @Test
    void anEntryRemovedFromAFieldDeclaredAsLinkedHashMapIsCommitted() {
        file.change("maps", MapHolder.class, maps -> maps.linkedHashMap().remove("b"));

        assertEquals(Map.of("a", 1), file.read("maps", MapHolder.class, MapHolder::linkedHashMap));
    }

    @Test
    void anEntryPutIntoALazilyCreatedEnumKeyedHashMapIsCommitted() {
        file.change("maps", MapHolder.class, maps -> maps.lazyEnumMap().put(Color.BLUE, 2));

        assertEquals(Map.of(Color.RED, 1, Color.BLUE, 2), file.read("maps", MapHolder.class, MapHolder::lazyEnumMap));
    }
}
