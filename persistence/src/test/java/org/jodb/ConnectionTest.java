package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jodb.cache.ObjectState;
import org.jodb.storage.Snapshot;
import org.jodb.testmodel.Account;
import org.jodb.testmodel.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionTest {
    private final Database db = Database.inMemory();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aStoredObjectComesBackAsAGhostAndLoadsOnFirstFieldRead() {
        try (Connection writer = db.open(); Connection c = db.open()) { // c: a second, cold cache
            writer.root().put("alice", new Account("alice", 100));
            writer.commit();

            Account alice = (Account) c.root().get("alice");
            assertEquals(ObjectState.GHOST, Persistence.state(alice));
            assertEquals(100, alice.balance());
            assertEquals(ObjectState.UPTODATE, Persistence.state(alice));
            assertEquals("alice", alice.owner());
        }
    }

    @Test
    void aFieldWriteMarksTheObjectChangedAndCommitStoresIt() {
        db.transact(c -> c.root().put("alice", new Account("alice", 100)));

        try (Connection c = db.open()) {
            Account alice = (Account) c.root().get("alice");
            alice.deposit(5);
            assertEquals(ObjectState.CHANGED, Persistence.state(alice));
            c.commit();
            assertEquals(ObjectState.UPTODATE, Persistence.state(alice));
        }
        try (Connection c = db.open()) {
            assertEquals(105, ((Account) c.root().get("alice")).balance());
        }
    }

    @Test
    void anUntouchedObjectIsNeverWritten() {
        db.transact(c -> {
            c.root().put("alice", new Account("alice", 1));
            c.root().put("bob", new Account("bob", 2));
        });
        long bobOid = db.transactAndGet(c -> Persistence.oid(c.root().get("bob")));
        long bobSerial = serialOf(bobOid);

        db.transact(c -> {
            Account alice = (Account) c.root().get("alice");
            Account bob = (Account) c.root().get("bob");
            alice.deposit(bob.balance()); // bob is read, not written
        });

        assertEquals(bobSerial, serialOf(bobOid));
    }

    @Test
    void referencesKeepIdentityWithinAConnection() {
        db.transact(c -> {
            Account alice = new Account("alice", 1);
            Account bob = new Account("bob", 2);
            bob.setReferrer(alice);
            c.root().put("alice", alice);
            c.root().put("bob", bob);
        });

        try (Connection c = db.open()) {
            Account alice = (Account) c.root().get("alice");
            Account bob = (Account) c.root().get("bob");
            assertSame(alice, bob.referrer());
            assertSame(alice, c.root().get("alice"));
            assertSame(alice, c.get(Persistence.oid(alice)));
        }
    }

    @Test
    void aCycleOfPersistentObjectsRoundTrips() {
        db.transact(c -> {
            Node a = new Node("a");
            Node b = new Node("b");
            Node d = new Node("c");
            a.setNext(b);
            b.setNext(d);
            d.setNext(a);
            a.children().add(d);
            c.root().put("ring", a);
        });

        try (Connection c = db.open()) {
            Node a = (Node) c.root().get("ring");
            assertEquals("b", a.next().name());
            assertEquals("c", a.next().next().name());
            assertSame(a, a.next().next().next());
            assertSame(a.next().next(), a.children().get(0));
        }
    }

    @Test
    void newObjectsReachableFromAChangedObjectAreStoredByReachability() {
        db.transact(c -> c.root().put("head", new Node("head")));
        db.transact(c -> {
            Node head = (Node) c.root().get("head");
            Node tail = new Node("tail");
            assertEquals(ObjectState.TRANSIENT, Persistence.state(tail));
            head.setNext(tail);
        });
        try (Connection c = db.open()) {
            Node tail = ((Node) c.root().get("head")).next();
            assertEquals("tail", tail.name());
            assertNotEquals(0, Persistence.oid(tail));
        }
    }

    @Test
    void anObjectOfAClosedConnectionCannotBeUsed() {
        db.transact(c -> c.root().put("alice", new Account("alice", 1)));
        Connection c = db.open();
        Account alice = (Account) c.root().get("alice");
        alice.balance();
        c.close();

        IllegalStateException read = assertThrows(IllegalStateException.class, alice::balance);
        assertTrue(read.getMessage().contains("connection is closed"), read.getMessage());
        assertTrue(read.getMessage().contains(Account.class.getName()), read.getMessage());
        assertThrows(IllegalStateException.class, () -> alice.deposit(1));
        assertThrows(IllegalStateException.class, c::root);
        assertThrows(IllegalStateException.class, c::commit);
    }

    @Test
    void aClosedDatabaseRefusesNewConnections() {
        db.close();
        assertThrows(IllegalStateException.class, db::open);
    }

    private long serialOf(long oid) {
        try (Snapshot snapshot = db.storage().openSnapshot()) {
            return snapshot.load(oid).serial();
        }
    }
}
