package org.jodb.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.changes.model.Counter;
import org.jodb.changes.model.ListHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On one connection, an object stays in memory across transactions: one it stored, or loaded in
 * an earlier transaction, is committed when changed in place later, every time, and is not
 * rewritten by later transactions that only read it.
 */
class LaterTransactionsOfOneConnectionTest {
    @TempDir
    Path directory;

    @Test
    void anObjectThisConnectionStoredIsCommittedWhenChangedInPlaceInTheNextTransaction() {
        try (Database db = Database.open(directory.resolve("changes.jodb")); Connection connection = db.open()) {
            ListHolder lists = new ListHolder("a", "b");
            connection.root().put("lists", lists);
            connection.commit();

            lists.list().add("c");
            connection.commit();
        }

        assertEquals(List.of("a", "b", "c"), new DatabaseFile(directory).read("lists", ListHolder.class, ListHolder::list));
    }

    @Test
    void everyLaterInPlaceChangeIsCommitted() {
        try (Database db = Database.open(directory.resolve("changes.jodb")); Connection connection = db.open()) {
            ListHolder lists = new ListHolder("a");
            connection.root().put("lists", lists);
            connection.commit();

            lists.list().add("b");
            connection.commit();
            lists.list().add("c");
            connection.commit();
        }

        assertEquals(List.of("a", "b", "c"), new DatabaseFile(directory).read("lists", ListHolder.class, ListHolder::list));
    }

    @Test
    void anObjectLoadedInAnEarlierTransactionIsCommittedWhenChangedInPlaceLater() {
        DatabaseFile file = new DatabaseFile(directory);
        file.store("lists", new ListHolder("a", "b"));
        try (Database db = Database.open(directory.resolve("changes.jodb")); Connection connection = db.open()) {
            ListHolder lists = (ListHolder) connection.root().get("lists");
            lists.list().size();
            connection.commit();

            lists.list().add("c");
            connection.commit();
        }

        assertEquals(List.of("a", "b", "c"), file.read("lists", ListHolder.class, ListHolder::list));
    }

    @Test
    void anObjectCommittedByThisConnectionIsNotRewrittenByLaterTransactionsThatOnlyReadIt() {
        DatabaseFile file = new DatabaseFile(directory);
        long committed;
        try (Database db = Database.open(directory.resolve("changes.jodb")); Connection connection = db.open()) {
            ListHolder lists = new ListHolder("a", "b");
            Counter counter = new Counter();
            connection.root().put("lists", lists);
            connection.root().put("counter", counter);
            connection.commit();
            lists.list().add("c");
            connection.commit();
            committed = DatabaseFile.serial(lists);

            lists.list().size();
            counter.increment();
            connection.commit();
            lists.list().size();
            counter.increment();
            connection.commit();
        }

        assertEquals(2, file.read("counter", Counter.class, Counter::count));
        assertEquals(committed, file.serialOf("lists"));
    }
}
