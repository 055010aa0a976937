package org.jodb.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.jodb.ConflictException;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.changes.model.ListHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An in-place change takes part in conflict detection: it does not silently overwrite a concurrent commit. */
class ConcurrentInPlaceChangesTest {
    @TempDir
    Path directory;

    @Test
    void anInPlaceChangeConflictsWithAConcurrentCommitOfTheSameObject() {
        DatabaseFile file = new DatabaseFile(directory);
        file.store("lists", new ListHolder("a"));
        try (Database db = Database.open(directory.resolve("changes.jodb"));
             Connection first = db.open();
             Connection second = db.open()) {
            ListHolder firstLists = (ListHolder) first.root().get("lists");
            ListHolder secondLists = (ListHolder) second.root().get("lists");
            firstLists.list().add("first");
            secondLists.list().add("second");

            first.commit();

            assertThrows(ConflictException.class, second::commit);
        }

        assertEquals(List.of("a", "first"), file.read("lists", ListHolder.class, ListHolder::list));
    }
}
