package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jodb.testmodel.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pool hands a closed connection's warm cache to the next {@code open()}; the old holder's
 * {@code Connection} and objects must not follow it there.
 */
class PooledConnectionTest {
    private final Database db = Database.inMemory();

    @BeforeEach
    void store() {
        db.transact(conn -> conn.root().put("alice", new Account("alice", 100)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anObjectOfAClosedConnectionThrowsWhileItsCacheIsPooled() {
        Connection a = db.open();
        Account stale = (Account) a.root().get("alice");
        stale.balance();
        a.close();

        IllegalStateException read = assertThrows(IllegalStateException.class, stale::balance);
        assertTrue(read.getMessage().contains("closed"), read.getMessage());
        assertThrows(IllegalStateException.class, () -> stale.deposit(5));
    }

    /**
     * An object the holder has already used in its transaction is on the field fast path, which
     * checks nothing (one branch per access); every other access of a stale object is refused.
     */
    @Test
    void anObjectOfAClosedConnectionThrowsWhileAnotherThreadHoldsItsCache() throws Exception {
        Connection a = db.open();
        Account stale = (Account) a.root().get("alice");
        stale.balance();
        a.close();

        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch staleUseTried = new CountDownLatch(1);
        AtomicReference<Object> heldAlice = new AtomicReference<>();
        AtomicReference<Throwable> holderFailure = new AtomicReference<>();
        Thread holder = new Thread(() -> {
            try (Connection b = db.open()) {
                heldAlice.set(b.root().get("alice")); // alice not yet used in b's transaction
                holding.countDown();
                staleUseTried.await();
                ((Account) heldAlice.get()).deposit(1);
                b.commit();
            } catch (Throwable t) {
                holderFailure.set(t);
            }
        });
        holder.start();
        assertTrue(holding.await(30, TimeUnit.SECONDS));
        assertSame(stale, heldAlice.get(), "the other thread holds the pooled cache");

        assertThrows(IllegalStateException.class, stale::balance);
        assertThrows(IllegalStateException.class, () -> stale.deposit(5));
        staleUseTried.countDown();
        holder.join();

        assertNull(holderFailure.get());
        assertEquals(101, balance(), "only the holder's deposit is committed");
    }

    @Test
    void theNextHolderGetsTheSameInstanceAndMayUseIt() {
        Connection a = db.open();
        Account first = (Account) a.root().get("alice");
        first.balance();
        a.close();

        try (Connection b = db.open()) {
            Account again = (Account) b.root().get("alice");
            assertSame(first, again, "the pool keeps the cache warm");
            again.deposit(1);
            b.commit();
        }
        assertEquals(101, balance());
    }

    @Test
    void aSecondCloseOfAnOldConnectionLeavesTheNextHolderOpen() {
        Connection a = db.open();
        a.root();
        a.close();
        Connection b = db.open();
        Account alice = (Account) b.root().get("alice");

        a.close();

        alice.deposit(7);
        b.commit(); // would throw "connection is closed" if a's close had closed b
        Connection c = db.open();
        assertNotSame(alice, c.root().get("alice"), "b's cache must not be handed to another holder");
        assertEquals(2, db.stats().openConnections());
        c.close();
        b.close();
        assertEquals(107, balance());
    }

    @Test
    void aClosedConnectionRefusesEveryOperation() {
        Connection a = db.open();
        a.close();
        assertThrows(IllegalStateException.class, a::root);
        assertThrows(IllegalStateException.class, a::commit);
        assertThrows(IllegalStateException.class, a::abort);
        assertThrows(IllegalStateException.class, a::savepoint);
        assertEquals(false, a.isOpen());
    }

    private long balance() {
        try (Connection fresh = db.open()) {
            return ((Account) fresh.root().get("alice")).balance();
        }
    }
}
