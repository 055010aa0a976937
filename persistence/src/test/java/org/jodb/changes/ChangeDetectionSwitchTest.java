package org.jodb.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.jodb.DatabaseOptions;
import org.jodb.Persistence;
import org.jodb.changes.model.DetectedListSubclass;
import org.jodb.changes.model.ListHolder;
import org.jodb.changes.model.ManualList;
import org.jodb.changes.model.ManualListSubclass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Change detection can be turned off for a database ({@code withChangeDetection(false)}) or for a
 * class ({@code @Persistent(detectChanges = false)}, inherited unless a subclass says otherwise):
 * there only field writes and {@code markChanged()} count, as in ZODB.
 */
class ChangeDetectionSwitchTest {
    @TempDir
    Path directory;

    @Test
    void withDetectionOffForTheDatabaseAnInPlaceChangeIsNotCommitted() {
        DatabaseFile file = new DatabaseFile(directory, DatabaseOptions.defaults().withChangeDetection(false));
        file.store("lists", new ListHolder("a", "b"));

        file.change("lists", ListHolder.class, lists -> lists.list().add("c"));

        assertEquals(List.of("a", "b"), file.read("lists", ListHolder.class, ListHolder::list));
    }

    @Test
    void withDetectionOffForTheDatabaseMarkChangedCommitsAnInPlaceChange() {
        DatabaseFile file = new DatabaseFile(directory, DatabaseOptions.defaults().withChangeDetection(false));
        file.store("lists", new ListHolder("a", "b"));

        file.change("lists", ListHolder.class, lists -> {
            lists.list().add("c");
            Persistence.markChanged(lists);
        });

        assertEquals(List.of("a", "b", "c"), file.read("lists", ListHolder.class, ListHolder::list));
    }

    @Test
    void aClassWithDetectionOffIsNotDetectedWhileOtherClassesAre() {
        DatabaseFile file = new DatabaseFile(directory);
        file.store("manual", new ManualList("a"));
        file.store("lists", new ListHolder("a"));

        file.transact(connection -> {
            ((ManualList) connection.root().get("manual")).items().add("b");
            ((ListHolder) connection.root().get("lists")).list().add("b");
        });

        assertEquals(List.of("a"), file.read("manual", ManualList.class, ManualList::items));
        assertEquals(List.of("a", "b"), file.read("lists", ListHolder.class, ListHolder::list));
    }

    @Test
    void markChangedCommitsAnInPlaceChangeOfAClassWithDetectionOff() {
        DatabaseFile file = new DatabaseFile(directory);
        file.store("manual", new ManualList("a"));

        file.change("manual", ManualList.class, manual -> {
            manual.items().add("b");
            Persistence.markChanged(manual);
        });

        assertEquals(List.of("a", "b"), file.read("manual", ManualList.class, ManualList::items));
    }

    @Test
    void aSubclassInheritsDetectionOff() {
        DatabaseFile file = new DatabaseFile(directory);
        file.store("manual", new ManualListSubclass("a"));
        file.store("lists", new ListHolder("a"));

        file.transact(connection -> {
            ((ManualListSubclass) connection.root().get("manual")).items().add("b");
            ((ListHolder) connection.root().get("lists")).list().add("b");
        });

        assertEquals(List.of("a"), file.read("manual", ManualListSubclass.class, ManualList::items));
        assertEquals(List.of("a", "b"), file.read("lists", ListHolder.class, ListHolder::list));
    }

    @Test
    void aSubclassCanTurnDetectionBackOn() {
        DatabaseFile file = new DatabaseFile(directory);
        file.store("detected", new DetectedListSubclass("a"));

        file.change("detected", DetectedListSubclass.class, detected -> detected.items().add("b"));

        assertEquals(List.of("a", "b"), file.read("detected", DetectedListSubclass.class, ManualList::items));
    }
}
