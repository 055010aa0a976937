package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jodb.cache.ObjectState;
import org.jodb.testmodel.Account;
import org.jodb.testmodel.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AbortAndSavepointTest {
    private final Database db = Database.inMemory();
    private Connection c;

    @BeforeEach
    void store() {
        db.transact(conn -> {
            conn.root().put("alice", new Account("alice", 100));
            conn.root().put("list", new Node("list"));
        });
        c = db.open();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void abortRestoresTheCommittedStateOfChangedObjects() {
        Account alice = (Account) c.root().get("alice");
        alice.deposit(50);
        c.root().put("bob", new Account("bob", 1));
        c.abort();

        assertEquals(100, alice.balance());
        assertNull(c.root().get("bob"));
    }

    @Test
    void abortMakesObjectsFirstStoredInTheTransactionTransientAgain() {
        Node head = (Node) c.root().get("list");
        Node added = new Node("added");
        head.setNext(added);
        Savepoint savepoint = c.savepoint(); // gives `added` an oid
        assertEquals(ObjectState.CHANGED, Persistence.state(added));
        c.abort();

        assertEquals(ObjectState.TRANSIENT, Persistence.state(added));
        assertEquals(0, Persistence.oid(added));
        assertEquals("added", added.name());
        assertThrows(IllegalStateException.class, savepoint::rollback);
    }

    @Test
    void savepointRollbackRestoresTheStateAtTheSavepoint() {
        Account alice = (Account) c.root().get("alice");
        alice.deposit(1);
        Savepoint savepoint = c.savepoint();
        alice.deposit(1000);
        c.root().put("bob", new Account("bob", 7));

        savepoint.rollback();

        assertEquals(101, alice.balance());
        assertNull(c.root().get("bob"));
        c.commit();
        try (Connection other = db.open()) {
            assertEquals(101, ((Account) other.root().get("alice")).balance());
            assertNull(other.root().get("bob"));
        }
    }

    @Test
    void aSavepointRolledBackToTwiceCommitsExactlyTheStateAtTheSavepoint() {
        Account alice = (Account) c.root().get("alice");
        alice.deposit(5);
        c.root().put("bob", new Account("bob", 7)); // new before the savepoint: must be stored
        Savepoint savepoint = c.savepoint();
        alice.deposit(1);
        c.root().put("carol", new Account("carol", 1));
        savepoint.rollback();
        alice.deposit(2);
        c.root().put("dave", new Account("dave", 2));
        savepoint.rollback();
        assertEquals(105, alice.balance());
        c.commit();

        try (Connection fresh = db.open()) {
            Account stored = (Account) fresh.root().get("alice");
            assertEquals(105, stored.balance());
            assertEquals(1, stored.transfersIn());
            assertEquals(7, ((Account) fresh.root().get("bob")).balance());
            assertNull(fresh.root().get("carol"));
            assertNull(fresh.root().get("dave"));
        }
    }
}
