package org.jodb.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jodb.changes.model.CollectionsHolder;
import org.jodb.changes.model.Counter;
import org.jodb.tracking.Tracked;

/**
 * A database file holding a {@link CollectionsHolder} (root entry {@code holder}) and a
 * {@link Counter}, to change or use one of the holder's collections ({@code part}) in a
 * transaction and check what a newly opened database reads.
 */
final class TrackedHolderFile {
    static final List<String> ELEMENTS = List.of("b", "a", "c");
    static final Map<String, Integer> ENTRIES = new TreeMap<>(Map.of("x", 1, "y", 2, "z", 3));

    private final DatabaseFile file;

    TrackedHolderFile(Path directory) {
        file = new DatabaseFile(directory);
        file.store("holder", newHolder());
        file.store("counter", new Counter());
    }

    static CollectionsHolder newHolder() {
        return new CollectionsHolder(ELEMENTS, ENTRIES);
    }

    /**
     * Asserts that {@code change}, made to the part of the loaded holder (a tracked collection), is
     * committed: a new database reads what the same change makes of a new holder's plain
     * collection, which differs from what was stored.
     */
    <C> void assertCommitted(Function<CollectionsHolder, C> part, Consumer<? super C> change) {
        CollectionsHolder plain = newHolder();
        Object stored = copy(part.apply(plain));
        change.accept(part.apply(plain));
        Object expected = copy(part.apply(plain));
        assertNotEquals(stored, expected, "the change must change something");

        file.change("holder", CollectionsHolder.class, holder -> {
            assertInstanceOf(Tracked.class, part.apply(holder));
            change.accept(part.apply(holder));
        });

        assertEquals(expected, file.read("holder", CollectionsHolder.class, holder -> copy(part.apply(holder))));
    }

    /**
     * Asserts that {@code use} of the part of the loaded holder, in a transaction that commits a
     * change to the counter, does not rewrite the holder (its serial stays the same).
     */
    <C> void assertNotRewritten(Function<CollectionsHolder, C> part, Consumer<? super C> use) {
        long stored = file.serialOf("holder");

        file.transact(connection -> {
            use.accept(part.apply((CollectionsHolder) connection.root().get("holder")));
            ((Counter) connection.root().get("counter")).increment();
        });

        assertEquals(stored, file.serialOf("holder"));
        assertEquals(1, file.read("counter", Counter.class, Counter::count), "the transaction committed");
    }

    DatabaseFile file() {
        return file;
    }

    /** A plain copy of a collection or map, to compare after its database is closed. */
    static Object copy(Object part) {
        if (part instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        if (part instanceof Set<?> set) {
            return new HashSet<>(set);
        }
        return new HashMap<>((Map<?, ?>) part);
    }
}
