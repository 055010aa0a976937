package org.jodb.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jodb.ConflictException;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.Persistence;
import org.jodb.changes.model.CollectionsHolder;
import org.jodb.changes.model.ListBox;
import org.jodb.tracking.Tracked;
import org.junit.jupiter.api.Test;

/**
 * What tracked collections are beyond their changes: stored exactly as the plain classes, equal to
 * them, cloned and serialized as plain copies; created only where changes are detected; and, since
 * they report their changes themselves, a collection kept from an earlier transaction is committed
 * when changed without using its owner.
 */
class TrackedCollectionsTest extends WithTrackedHolder {
    @Test
    void aListKeptFromAnEarlierTransactionIsCommittedWhenChangedWithoutUsingItsOwner() {
        file.file().read(connection -> {
            List<String> kept = ((CollectionsHolder) connection.root().get("holder")).list();
            connection.commit();
            kept.add("d"); // a later transaction, in which the holder itself is never used
            connection.commit();
            return null;
        });

        assertEquals(List.of("b", "a", "c", "d"), file.file().read("holder", CollectionsHolder.class, h -> List.copyOf(h.list())));
    }

    @Test
    void aKeptListChangedAfterAnotherTransactionCommittedItsOwnerConflicts() {
        try (Database db = Database.open(directory.resolve("changes.jodb")); Connection connection = db.open()) {
            List<String> kept = ((CollectionsHolder) connection.root().get("holder")).list();
            connection.commit();
            db.transact(other -> ((CollectionsHolder) other.root().get("holder")).list().add("other"));

            ConflictException conflict = assertThrows(ConflictException.class, () -> kept.add("mine"));
            assertTrue(conflict.getMessage().contains(CollectionsHolder.class.getName()), conflict.getMessage());
        }

        assertEquals(List.of("b", "a", "c", "other"), file.file().read("holder", CollectionsHolder.class, h -> List.copyOf(h.list())));
    }

    @Test
    void aKeptListChangedAfterItsOwnerWasDeactivatedIsRefusedLoudly() {
        file.file().read(connection -> {
            CollectionsHolder holder = (CollectionsHolder) connection.root().get("holder");
            List<String> kept = holder.list();
            connection.commit();
            Persistence.deactivate(holder); // its state is dropped; the next use loads another list

            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> kept.add("d"));
            assertTrue(refused.getMessage().contains(CollectionsHolder.class.getName()), refused.getMessage());
            holder.list().add("e");
            connection.commit();
            return null;
        });

        assertEquals(List.of("b", "a", "c", "e"), file.file().read("holder", CollectionsHolder.class, h -> List.copyOf(h.list())));
    }

    @Test
    void recordsNameThePlainCollectionClassesNeverTheTrackedOnes() throws IOException {
        file.file().change("holder", CollectionsHolder.class, holder -> {
            holder.list().add("d");
            holder.set().add("d");
            holder.map().put("d", 4);
        });

        String bytes = new String(Files.readAllBytes(directory.resolve("changes.jodb")), StandardCharsets.ISO_8859_1);
        assertTrue(bytes.contains("java.util.ArrayList"), "class names are stored as text");
        assertFalse(bytes.contains("Tracked"), "a tracked class is named in the file");
    }

    @Test
    void trackedCollectionsEqualPlainOnesAndCopyAsPlainOnes() {
        file.file().read(connection -> {
            CollectionsHolder holder = (CollectionsHolder) connection.root().get("holder");
            ArrayList<String> list = (ArrayList<String>) holder.list();
            HashSet<String> set = (HashSet<String>) holder.set();
            HashMap<String, Integer> map = (HashMap<String, Integer>) holder.map();
            assertEquals(new ArrayList<>(TrackedHolderFile.ELEMENTS), list);
            assertEquals(list, new ArrayList<>(TrackedHolderFile.ELEMENTS));
            assertEquals(new HashSet<>(TrackedHolderFile.ELEMENTS), set);
            assertEquals(set, new HashSet<>(TrackedHolderFile.ELEMENTS));
            assertEquals(new HashMap<>(TrackedHolderFile.ENTRIES), map);
            assertEquals(map, new HashMap<>(TrackedHolderFile.ENTRIES));
            assertEquals(TrackedHolderFile.ENTRIES.entrySet(), map.entrySet());
            assertEquals(ArrayList.class, list.clone().getClass());
            assertEquals(HashSet.class, set.clone().getClass());
            assertEquals(HashMap.class, map.clone().getClass());
            assertEquals(ArrayList.class, serializedAndRead(list).getClass());
            assertEquals(HashSet.class, serializedAndRead(set).getClass());
            assertEquals(HashMap.class, serializedAndRead(map).getClass());
            assertEquals(map, serializedAndRead(map));
            return null;
        });
    }

    @Test
    void changingACopyDoesNotRewriteTheOwner() {
        file.assertNotRewritten(holder -> holder, holder -> {
            @SuppressWarnings("unchecked")
            List<String> copy = (List<String>) ((ArrayList<String>) holder.list()).clone();
            copy.add("d");
            new ArrayList<>(holder.set()).add("d");
            new HashMap<>(holder.map()).put("d", 4);
        });
    }

    @Test
    void aTrackedListAlsoHeldByAnotherObjectIsCommittedInBoth() {
        file.file().read(connection -> {
            CollectionsHolder holder = (CollectionsHolder) connection.root().get("holder");
            connection.root().put("box", new ListBox(holder.list())); // one list, two records
            connection.commit();
            ((ListBox) connection.root().get("box")).list().add("d");
            connection.commit();
            return null;
        });

        List<String> expected = List.of("b", "a", "c", "d");
        assertEquals(expected, file.file().read("box", ListBox.class, box -> List.copyOf(box.list())));
        assertEquals(expected, file.file().read("holder", CollectionsHolder.class, h -> List.copyOf(h.list())));
    }

    @Test
    void withDetectionOffCollectionsArePlain() {
        DatabaseFile off = new DatabaseFile(directory, DatabaseOptions.defaults().withChangeDetection(false));

        assertSame(ArrayList.class, off.read("holder", CollectionsHolder.class, holder -> holder.list().getClass()));
        assertSame(HashMap.class, off.read("holder", CollectionsHolder.class, holder -> holder.map().getClass()));
        assertInstanceOf(Tracked.class, file.file().read("holder", CollectionsHolder.class, CollectionsHolder::list));
    }

    @Test
    void aCollectionOfANewObjectStaysTheSameInstanceAfterItsCommit() {
        file.file().read(connection -> {
            CollectionsHolder created = TrackedHolderFile.newHolder();
            Set<String> set = created.set();
            connection.root().put("created", created);
            connection.commit();
            assertSame(set, created.set());
            set.add("d"); // the owner is used: compared at commit, as the object was not loaded
            created.list();
            connection.commit();
            return null;
        });

        assertEquals(Set.of("a", "b", "c", "d"), file.file().read("created", CollectionsHolder.class, h -> Set.copyOf(h.set())));
    }

    private static Object serializedAndRead(Object value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
