package org.jodb.changes;

import java.nio.file.Path;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.changes.model.Counter;
import org.jodb.changes.model.ValueHolder;

/**
 * Run in a JVM of its own: one transaction on the database file {@code args[0]} that reads the
 * value of the root entry {@code subject} through and commits a change to the root entry
 * {@code counter}. In another JVM, objects hashed by identity (enum constants among them) have
 * other hash codes, so hash-based collections of them iterate in another order.
 */
public final class ReadOnlyTransaction {
    private ReadOnlyTransaction() {
    }

    public static void main(String[] args) {
        try (Database db = Database.open(Path.of(args[0]), DatabaseOptions.defaults().withCalibratedSizes(false))) {
            db.transact(connection -> {
                Reading.touch(((ValueHolder) connection.root().get("subject")).value());
                ((Counter) connection.root().get("counter")).increment();
            });
        }
    }
}
