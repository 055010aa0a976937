package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jodb.cache.ObjectState;
import org.jodb.testmodel.Node;
import org.jodb.testmodel.Tally;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code deactivate()} of an object changed in place keeps the change as a change of a real
 * transaction: a concurrent commit of the same object makes it conflict, never an object whose
 * state was cleared while it was waiting to be written.
 */
class DeactivateChangedInPlaceTest {
    private final Database db = Database.inMemory();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aChangeKeptByDeactivateBetweenTransactionsConflictsWithAConcurrentCommit() {
        db.transact(c -> c.root().put("parent", new Node("parent")));
        try (Connection mine = db.open()) {
            Node parent = (Node) mine.root().get("parent");
            java.util.List<Node> kept = parent.children(); // a reference kept past the transaction
            mine.commit();

            kept.add(new Node("mine"));
            Persistence.deactivate(parent); // finds the change and keeps the object, CHANGED
            assertEquals(ObjectState.CHANGED, Persistence.state(parent));
            db.transact(c -> ((Node) c.root().get("parent")).rename("renamed elsewhere"));
            mine.root(); // the next transaction begins here and learns of that commit

            assertThrows(ConflictException.class, mine::commit);
            assertEquals("renamed elsewhere", parent.name(), "after the conflict it reloads the committed state");
            assertEquals(0, parent.children().size());
        }
    }

    @Test
    void aMergeableChangeMadeBeforeTheSnapshotConflictsInsteadOfMergingAgainstTheWrongState() {
        db.transact(c -> c.root().put("tally", new Tally()));
        try (Connection mine = db.open()) {
            Tally tally = (Tally) mine.root().get("tally");
            java.util.List<String> kept = tally.marks();
            mine.commit();

            kept.add("mine"); // based on the state before the other commit below
            db.transact(c -> ((Tally) c.root().get("tally")).marks().add("theirs"));
            Persistence.deactivate(tally); // begins a transaction whose snapshot is after that commit

            assertThrows(ConflictException.class, mine::commit);
        }
        try (Connection fresh = db.open()) {
            assertEquals(java.util.List.of("theirs"), ((Tally) fresh.root().get("tally")).marks());
        }
    }

    @Test
    void aMergeableChangeKeptByDeactivateMergesWithALaterCommit() {
        db.transact(c -> c.root().put("tally", new Tally()));
        try (Connection mine = db.open()) {
            Tally tally = (Tally) mine.root().get("tally");
            java.util.List<String> kept = tally.marks();
            mine.commit();

            kept.add("mine");
            Persistence.deactivate(tally); // begins the transaction: the change is relative to its snapshot
            db.transact(c -> ((Tally) c.root().get("tally")).marks().add("theirs"));
            mine.commit();
        }
        try (Connection fresh = db.open()) {
            assertEquals(java.util.List.of("theirs", "mine"), ((Tally) fresh.root().get("tally")).marks());
        }
    }
}
