package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jodb.cache.ObjectState;
import org.jodb.testmodel.Holder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Connection#storeAhead}: new objects written before the transaction's commit, as ghosts
 * the commit refers to; garbage if it never does.
 */
class StoreAheadTest {
    private final Database db = Database.inMemory();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void objectsStoredAheadBecomeGhostsThatTheCommitRefersTo() {
        try (Connection c = db.open()) {
            Holder data = new Holder("a large value");
            c.storeAhead(List.of(data));
            long oid = Persistence.oid(data);
            assertNotEquals(0, oid);
            assertEquals(ObjectState.GHOST, Persistence.state(data), "its state left the heap");
            c.root().put("data", new Holder(data));
            c.commit();
            assertEquals(1, c.root().size());
        }
        try (Connection c = db.open()) {
            Holder outer = (Holder) c.root().get("data");
            assertEquals("a large value", ((Holder) outer.value()).value());
        }
        assertEquals(0, db.collectGarbage().removedObjects(), "it is reachable");
    }

    @Test
    void objectsStoredAheadByATransactionThatAbortsAreGarbage() {
        try (Connection c = db.open()) {
            c.storeAhead(List.of(new Holder("never referred to"), new Holder("nor this")));
            c.root().put("other", new Holder("kept"));
            c.abort();
        }
        assertEquals(2, db.collectGarbage().removedObjects());
    }

    @Test
    void aCollectionBeforeTheCommitRemovesThemAndTheCommitConflicts() {
        try (Connection c = db.open()) {
            c.root().put("seed", new Holder("x"));
            c.commit();
            Holder data = new Holder("stored ahead");
            c.storeAhead(List.of(data));
            assertEquals(1, db.collectGarbage().removedObjects());
            c.root().put("data", new Holder(data));
            ConflictException conflict = assertThrows(ConflictException.class, c::commit);
            assertTrue(conflict.getMessage().contains("garbage collection removed"), conflict.getMessage());
            assertFalse(c.root().containsKey("data"), "the transaction was aborted");
        }
    }

    @Test
    void refusesObjectsItCannotStoreAheadAndWritesNothing() {
        try (Connection c = db.open()) {
            long before = db.storage().lastRevision();
            IllegalArgumentException notPersistent = assertThrows(IllegalArgumentException.class,
                    () -> c.storeAhead(List.of("a string")));
            assertTrue(notPersistent.getMessage().contains("java.lang.String"), notPersistent.getMessage());
            Holder stored = new Holder("stored");
            c.root().put("stored", stored);
            c.commit();
            before = db.storage().lastRevision();
            assertThrows(IllegalArgumentException.class, () -> c.storeAhead(List.of(stored)));
            Holder fresh = new Holder(null);
            IllegalArgumentException refersToNew = assertThrows(IllegalArgumentException.class,
                    () -> c.storeAhead(List.of(new Holder(fresh))));
            assertTrue(refersToNew.getMessage().contains("refers to a new object"), refersToNew.getMessage());
            assertEquals(0, Persistence.oid(fresh), "the new object it reached is transient again");
            assertEquals(before, db.storage().lastRevision(), "nothing was written");
            c.commit();
            assertEquals(before, db.storage().lastRevision(), "nor queued for the commit");
        }
    }
}
