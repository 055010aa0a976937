package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jodb.cache.ObjectState;
import org.jodb.testmodel.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A pinned (sticky) object stays in memory across transactions but still sees other commits. */
class StickyObjectTest {
    private final Database db = Database.inMemory();
    private Connection c1;
    private Account pinned;

    @BeforeEach
    void pinAliceInOneConnection() {
        db.transact(conn -> conn.root().put("alice", new Account("alice", 100)));
        c1 = db.open();
        pinned = (Account) c1.root().get("alice");
        Persistence.setSticky(pinned, true);
        c1.commit();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aWriteAfterAnotherTransactionsCommitBuildsOnTheCommittedState() {
        db.transact(conn -> ((Account) conn.root().get("alice")).deposit(50));

        pinned.deposit(1); // reads balance, then writes it: both must see the deposit of 50
        c1.commit();

        assertEquals(151, balanceInAFreshConnection());
    }

    @Test
    void readsInTheNextTransactionSeeAnotherTransactionsCommit() {
        db.transact(conn -> ((Account) conn.root().get("alice")).deposit(50));

        assertEquals(150, pinned.balance());
        assertEquals(ObjectState.STICKY, Persistence.state(pinned));
    }

    @Test
    void aPinnedObjectStaysLoadedAcrossTransactionsUntilReleased() {
        pinned.deposit(1);
        c1.commit();
        c1.minimize();
        assertEquals(ObjectState.STICKY, Persistence.state(pinned));

        Persistence.setSticky(pinned, false);
        c1.minimize();
        assertEquals(ObjectState.GHOST, Persistence.state(pinned));
        assertEquals(101, pinned.balance());
    }

    @Test
    void aConflictingWriteThroughAPinnedObjectIsAConflictNotALostUpdate() {
        pinned.balance(); // begins c1's transaction at the current revision
        db.transact(conn -> ((Account) conn.root().get("alice")).deposit(50));

        pinned.deposit(1);
        assertThrows(ConflictException.class, c1::commit);
        assertEquals(150, balanceInAFreshConnection());
    }

    @Test
    void aNewObjectCannotBePinnedBeforeItIsStored() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Persistence.setSticky(new Account("new", 0), true));
        assertEquals(true, refused.getMessage().contains(Account.class.getName()), refused.getMessage());
    }

    private long balanceInAFreshConnection() {
        try (Connection fresh = db.open()) {
            return ((Account) fresh.root().get("alice")).balance();
        }
    }
}
