package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.jodb.cache.ObjectState;
import org.jodb.testmodel.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IsolationTest {
    private final Database db = Database.inMemory();

    @BeforeEach
    void store() {
        db.transact(c -> c.root().put("alice", new Account("alice", 100)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void uncommittedChangesAreInvisibleToOtherConnections() {
        try (Connection writer = db.open(); Connection reader = db.open()) {
            ((Account) writer.root().get("alice")).deposit(50);
            assertEquals(100, ((Account) reader.root().get("alice")).balance());
        }
    }

    @Test
    void aTransactionRereadsTheSameValuesAfterAnotherCommits() {
        try (Connection reader = db.open()) {
            Account alice = (Account) reader.root().get("alice");
            assertEquals(100, alice.balance());

            db.transact(c -> ((Account) c.root().get("alice")).deposit(50));

            Persistence.deactivate(alice); // even a reload reads the transaction's snapshot
            assertEquals(100, alice.balance());
            reader.abort();
            assertEquals(150, alice.balance());
        }
    }

    @Test
    void objectsChangedByOthersAreInvalidatedAtTheNextTransactionBoundary() {
        try (Connection reader = db.open()) {
            Account alice = (Account) reader.root().get("alice");
            assertEquals(100, alice.balance());
            reader.commit();

            db.transact(c -> ((Account) c.root().get("alice")).deposit(50));

            assertEquals(150, alice.balance());
            assertEquals(ObjectState.UPTODATE, Persistence.state(alice));
        }
    }

    @Test
    void aWriteWriteConflictFailsTheLaterCommitAndWritesNothing() {
        try (Connection first = db.open(); Connection second = db.open()) {
            Account a1 = (Account) first.root().get("alice");
            Account a2 = (Account) second.root().get("alice");
            a1.deposit(1);
            a2.deposit(1000);
            second.root().put("marker", "written by the loser");
            first.commit();

            ConflictException conflict = assertThrows(ConflictException.class, second::commit);
            assertEquals(Persistence.oid(a2), conflict.oid());
            assertTrue(conflict.getMessage().contains(Account.class.getName()), conflict.getMessage());
            assertEquals(ObjectState.GHOST, Persistence.state(a2));
        }
        try (Connection c = db.open()) {
            assertEquals(101, ((Account) c.root().get("alice")).balance());
            assertEquals(null, c.root().get("marker"));
        }
    }

    @Test
    void transactRetriesTheLoserOfAConflict() {
        AtomicInteger attempts = new AtomicInteger();
        try (Connection first = db.open()) {
            ((Account) first.root().get("alice")).deposit(1);
            db.transact(c -> {
                ((Account) c.root().get("alice")).deposit(10);
                if (attempts.incrementAndGet() == 1) {
                    first.commit(); // lands between this attempt's read and its commit
                }
            });
        }
        assertEquals(2, attempts.get());
        assertEquals(111L, (long) db.transactAndGet(c -> ((Account) c.root().get("alice")).balance()));
    }
}
