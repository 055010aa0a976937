package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.jodb.testmodel.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionParticipantTest {
    private final Database db = Database.inMemory();
    private long aliceOid;
    private long bobOid;

    @BeforeEach
    void store() {
        db.transact(c -> {
            c.root().put("alice", new Account("alice", 100));
            c.root().put("bob", new Account("bob", 100));
        });
        try (Connection c = db.open()) {
            aliceOid = Persistence.oid(c.root().get("alice"));
            bobOid = Persistence.oid(c.root().get("bob"));
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Records the hooks it gets; deposits its pending amount into alice before each commit. */
    private static final class Recorder implements TransactionParticipant {
        final List<String> calls = new ArrayList<>();
        LongPredicate lastChanges;
        Account target;
        long pending;
        RuntimeException failure;

        @Override
        public void beforeCommit() {
            calls.add("beforeCommit");
            if (failure != null) {
                throw failure;
            }
            if (pending != 0) {
                target.deposit(pending);
                pending = 0;
            }
        }

        @Override
        public void afterCommit() {
            calls.add("afterCommit");
        }

        @Override
        public void afterAbort() {
            calls.add("afterAbort");
        }

        @Override
        public void transactionBegins(LongPredicate changedByOthers) {
            calls.add("transactionBegins");
            lastChanges = changedByOthers;
        }
    }

    @Test
    void whatTheParticipantWritesBeforeCommitIsPartOfTheCommit() {
        Recorder recorder = new Recorder();
        try (Connection c = db.open()) {
            c.join(recorder);
            recorder.target = (Account) c.root().get("alice");
            recorder.pending = 7;
            long before = db.storage().lastRevision();
            c.commit();
            assertEquals(before + 1, db.storage().lastRevision(), "one storage commit");
            assertEquals(List.of("beforeCommit", "afterCommit"), recorder.calls);
        }
        try (Connection c = db.open()) {
            assertEquals(107, ((Account) c.root().get("alice")).balance());
        }
    }

    @Test
    void aCommitWithNothingToWriteStillEndsWithAfterCommit() {
        Recorder recorder = new Recorder();
        try (Connection c = db.open()) {
            c.join(recorder);
            c.commit();
            assertEquals(List.of("beforeCommit", "afterCommit"), recorder.calls);
        }
    }

    @Test
    void aFailingBeforeCommitAbortsAndWritesNothing() {
        Recorder recorder = new Recorder();
        try (Connection c = db.open()) {
            c.join(recorder);
            ((Account) c.root().get("bob")).deposit(1);
            recorder.failure = new IllegalStateException("flush failed");
            long before = db.storage().lastRevision();
            IllegalStateException thrown = assertThrows(IllegalStateException.class, c::commit);
            assertSame(recorder.failure, thrown);
            assertEquals(before, db.storage().lastRevision());
            assertEquals(List.of("beforeCommit", "afterAbort"), recorder.calls);
            assertEquals(100, ((Account) c.root().get("bob")).balance());
        }
    }

    @Test
    void abortAndCloseCallAfterAbortAndCloseEndsTheMembership() {
        Recorder recorder = new Recorder();
        Connection c = db.open();
        c.join(recorder);
        c.join(recorder); // joining twice is joining once
        c.abort();
        c.close();
        assertEquals(List.of("afterAbort", "afterAbort"), recorder.calls);
        try (Connection next = db.open()) { // the pooled session, without the participant
            next.root().get("alice");
            next.commit();
        }
        assertEquals(2, recorder.calls.size());
    }

    @Test
    void leaveStopsTheCalls() {
        Recorder recorder = new Recorder();
        try (Connection c = db.open()) {
            c.join(recorder);
            c.leave(recorder);
            c.commit();
            c.abort();
        }
        assertTrue(recorder.calls.isEmpty(), recorder.calls.toString());
    }

    @Test
    void aNewTransactionReportsWhatOtherCommitsWroteButNotItsOwnCommit() {
        Recorder recorder = new Recorder();
        try (Connection c = db.open()) {
            c.join(recorder);
            ((Account) c.root().get("bob")).deposit(1); // our own commit writes bob
            c.commit();
            db.transact(other -> ((Account) other.root().get("alice")).deposit(1));

            c.root().get("alice"); // begins the next transaction
            assertEquals(List.of("beforeCommit", "afterCommit", "transactionBegins"), recorder.calls);
            assertTrue(recorder.lastChanges.test(aliceOid), "alice was changed by another connection");
            assertFalse(recorder.lastChanges.test(bobOid), "bob was changed by this connection's own commit");

            c.abort();
            c.root().get("alice"); // no newer revision: not called again
            assertEquals(List.of("beforeCommit", "afterCommit", "transactionBegins", "afterAbort"), recorder.calls);
        }
    }
}
