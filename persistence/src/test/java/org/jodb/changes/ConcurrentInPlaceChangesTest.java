package org.jodb.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jodb.ConflictException;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.Persistence;
import org.jodb.changes.model.ListHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An in-place change takes part in conflict detection: it does not silently overwrite a concurrent
 * commit, and {@code transact} retries it like any other change.
 */
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

    @Test
    void transactRetriesAnInPlaceChangeThatConflictedAndAppliesItOnce() {
        DatabaseFile file = new DatabaseFile(directory);
        file.store("lists", new ListHolder("a"));
        AtomicInteger attempts = new AtomicInteger();
        try (Database db = Database.open(directory.resolve("changes.jodb"))) {
            db.transact(connection -> {
                ((ListHolder) connection.root().get("lists")).list().add("mine");
                if (attempts.incrementAndGet() == 1) {
                    try (Connection other = db.open()) {
                        ListHolder theirs = (ListHolder) other.root().get("lists");
                        theirs.list().add("theirs");
                        Persistence.markChanged(theirs);
                        other.commit();
                    }
                }
            });
        }

        assertEquals(2, attempts.get());
        assertEquals(List.of("a", "theirs", "mine"), file.read("lists", ListHolder.class, ListHolder::list));
    }
}
