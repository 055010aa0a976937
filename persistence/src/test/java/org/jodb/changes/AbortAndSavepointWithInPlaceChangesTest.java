package org.jodb.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.Savepoint;
import org.jodb.changes.model.Counter;
import org.jodb.changes.model.ListHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In-place changes take part in abort and savepoints like field writes: abort returns the object
 * to its committed state, a rollback to its state at the savepoint, and neither lets the dropped
 * change reach a later commit.
 */
class AbortAndSavepointWithInPlaceChangesTest {
    @TempDir
    Path directory;
    private DatabaseFile file;
    private Database db;
    private Connection connection;
    private ListHolder lists;

    @BeforeEach
    void open() {
        file = new DatabaseFile(directory);
        file.transact(c -> {
            c.root().put("lists", new ListHolder("a", "b"));
            c.root().put("counter", new Counter());
        });
        db = Database.open(directory.resolve("changes.jodb"));
        connection = db.open();
        lists = (ListHolder) connection.root().get("lists");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void abortDropsAnInPlaceChange() {
        lists.list().add("c");

        connection.abort();

        assertEquals(List.of("a", "b"), lists.list());
    }

    @Test
    void anAbortedInPlaceChangeIsNotCommittedByTheNextTransaction() {
        lists.list().add("c");
        connection.abort();

        lists.list().size();
        ((Counter) connection.root().get("counter")).increment();
        connection.commit();
        db.close();

        assertEquals(List.of("a", "b"), file.read("lists", ListHolder.class, ListHolder::list));
    }

    @Test
    void aRollbackDropsInPlaceChangesMadeAfterTheSavepointAndKeepsThoseBefore() {
        lists.list().add("c");
        Savepoint savepoint = connection.savepoint();
        lists.list().add("d");

        savepoint.rollback();

        assertEquals(List.of("a", "b", "c"), lists.list());
        connection.commit();
        db.close();
        assertEquals(List.of("a", "b", "c"), file.read("lists", ListHolder.class, ListHolder::list));
    }

    @Test
    void aRollbackToASavepointTakenBeforeAnyChangeDropsTheInPlaceChange() {
        lists.list().size();
        Savepoint savepoint = connection.savepoint();
        lists.list().add("d");

        savepoint.rollback();

        assertEquals(List.of("a", "b"), lists.list());
    }

    @Test
    void anInPlaceChangeMadeBeforeASavepointIsCommitted() {
        lists.list().add("c");
        connection.savepoint();

        connection.commit();
        db.close();

        assertEquals(List.of("a", "b", "c"), file.read("lists", ListHolder.class, ListHolder::list));
    }

    @Test
    void anInPlaceChangeMadeAfterARollbackIsCommitted() {
        Savepoint savepoint = connection.savepoint();
        lists.list().add("d");
        savepoint.rollback();
        lists.list().add("e");

        connection.commit();
        db.close();

        assertEquals(List.of("a", "b", "e"), file.read("lists", ListHolder.class, ListHolder::list));
    }
}
