package org.jodb.changes;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.cache.PersistentObject;

/**
 * A database file that every step opens anew: each transaction runs in a newly opened
 * {@link Database} on the same file, so what a later step sees is what was committed, never an
 * object left in memory by an earlier step.
 */
final class DatabaseFile {
    private final Path path;
    private final DatabaseOptions options;

    DatabaseFile(Path directory) {
        this(directory, DatabaseOptions.defaults());
    }

    DatabaseFile(Path directory, DatabaseOptions options) {
        this.path = directory.resolve("changes.jodb");
        this.options = options;
    }

    /** Runs {@code work} as one committed transaction in a newly opened database. */
    void transact(Consumer<Connection> work) {
        try (Database db = Database.open(path, options)) {
            db.transact(work);
        }
    }

    /** Reads through a newly opened database. */
    <T> T read(Function<Connection, T> work) {
        try (Database db = Database.open(path, options); Connection connection = db.open()) {
            return work.apply(connection);
        }
    }

    /** Stores {@code object} under the root entry {@code key}, in a newly opened database. */
    void store(String key, Object object) {
        transact(connection -> connection.root().put(key, object));
    }

    /** Changes the root entry {@code key} in one committed transaction of a newly opened database. */
    <T> void change(String key, Class<T> type, Consumer<T> change) {
        transact(connection -> change.accept(type.cast(connection.root().get(key))));
    }

    /** What {@code extract} finds in the root entry {@code key}, read through a newly opened database. */
    <T, R> R read(String key, Class<T> type, Function<T, R> extract) {
        return read(connection -> extract.apply(type.cast(connection.root().get(key))));
    }

    /** The revision in which the root entry {@code key} was last written, read through a newly opened database. */
    long serialOf(String key) {
        return read(connection -> serial(connection.root().get(key)));
    }

    /** The revision of a persistent object's loaded state (loading it first). */
    static long serial(Object object) {
        PersistentObject persistent = (PersistentObject) object;
        persistent.jodbActivate();
        return persistent.jodbSerial();
    }
}
