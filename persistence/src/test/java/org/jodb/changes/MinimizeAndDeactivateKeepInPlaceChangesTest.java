package org.jodb.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.Persistence;
import org.jodb.changes.model.ListHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Releasing memory inside a transaction keeps changes ({@code minimize()} and {@code deactivate()}
 * turn only unchanged objects into ghosts): an object changed in place is a changed object, not
 * one to reload from its record.
 */
class MinimizeAndDeactivateKeepInPlaceChangesTest {
    @TempDir
    Path directory;

    @Test
    void minimizeInsideATransactionKeepsAnInPlaceChange() {
        DatabaseFile file = new DatabaseFile(directory);
        file.store("lists", new ListHolder("a", "b"));
        try (Database db = Database.open(directory.resolve("changes.jodb")); Connection connection = db.open()) {
            ListHolder lists = (ListHolder) connection.root().get("lists");
            lists.list().add("c");

            connection.minimize();

            assertEquals(List.of("a", "b", "c"), lists.list());
            connection.commit();
        }
        assertEquals(List.of("a", "b", "c"), file.read("lists", ListHolder.class, ListHolder::list));
    }

    @Test
    void deactivateKeepsAnInPlaceChange() {
        DatabaseFile file = new DatabaseFile(directory);
        file.store("lists", new ListHolder("a", "b"));
        try (Database db = Database.open(directory.resolve("changes.jodb")); Connection connection = db.open()) {
            ListHolder lists = (ListHolder) connection.root().get("lists");
            lists.list().add("c");

            Persistence.deactivate(lists);

            assertEquals(List.of("a", "b", "c"), lists.list());
            connection.commit();
        }
        assertEquals(List.of("a", "b", "c"), file.read("lists", ListHolder.class, ListHolder::list));
    }
}
