package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.jodb.cache.ObjectState;
import org.jodb.cache.PersistentObject;
import org.jodb.testmodel.Account;
import org.jodb.testmodel.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Invalidating an object first stored in the current transaction (it has an oid once a savepoint
 * gave it one, but no record) returns it to transient, as abort does; it never leaves a reference
 * to an oid without a record.
 */
class InvalidatedNewObjectTest {
    private final Database db = Database.inMemory();
    private Connection c;

    @BeforeEach
    void store() {
        db.transact(conn -> {
            conn.root().put("head", new Node("head"));
            conn.root().put("bob", new Account("bob", 10));
        });
        c = db.open();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anInvalidatedNewObjectBecomesTransientAndIsStoredAgainByReachability() {
        Node head = (Node) c.root().get("head");
        Node added = new Node("added");
        head.setNext(added);
        c.savepoint(); // gives `added` an oid
        long firstOid = Persistence.oid(added);
        assertNotEquals(0, firstOid);

        ((PersistentObject) added).jodbInvalidate();
        assertEquals(ObjectState.TRANSIENT, Persistence.state(added));
        assertEquals(0, Persistence.oid(added));
        assertEquals("added", added.name(), "a transient object keeps its fields");

        c.commit(); // head still refers to it: stored under a new oid
        assertEquals("added", nextOfHeadInAFreshConnection());
    }

    @Test
    void rollbackToASavepointBeforeTheInvalidationRestoresTheNewObject() {
        Node head = (Node) c.root().get("head");
        Node added = new Node("added");
        head.setNext(added);
        Savepoint savepoint = c.savepoint();
        ((PersistentObject) added).jodbInvalidate();

        savepoint.rollback();
        assertEquals(ObjectState.CHANGED, Persistence.state(added));
        c.commit();

        assertEquals("added", nextOfHeadInAFreshConnection());
    }

    @Test
    void rollbackAfterAnInvalidationStillUndoesChangesMadeAfterTheSavepoint() {
        Node head = (Node) c.root().get("head");
        Node added = new Node("added");
        head.setNext(added);
        Savepoint savepoint = c.savepoint();
        ((PersistentObject) added).jodbInvalidate(); // shortens the changed list before bob joins it
        Account bob = (Account) c.root().get("bob");
        bob.deposit(5);

        savepoint.rollback();
        assertEquals(10, bob.balance());
        c.commit();

        try (Connection fresh = db.open()) {
            assertEquals(10, ((Account) fresh.root().get("bob")).balance());
            assertEquals("added", ((Node) fresh.root().get("head")).next().name());
        }
    }

    @Test
    void rollbackAfterInvalidatingAStoredChangedObjectKeepsItsConflictCheck() {
        Account bob = (Account) c.root().get("bob");
        bob.deposit(1);
        Savepoint savepoint = c.savepoint();
        ((PersistentObject) bob).jodbInvalidate();
        savepoint.rollback(); // bob is changed again, based on the revision it was read at
        db.transact(conn -> ((Account) conn.root().get("bob")).deposit(100));

        org.junit.jupiter.api.Assertions.assertThrows(ConflictException.class, c::commit);
        try (Connection fresh = db.open()) {
            assertEquals(110, ((Account) fresh.root().get("bob")).balance());
        }
    }

    private String nextOfHeadInAFreshConnection() {
        try (Connection fresh = db.open()) {
            return ((Node) fresh.root().get("head")).next().name();
        }
    }
}
