package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jodb.cache.ObjectState;
import org.jodb.collections.Counter;
import org.jodb.storage.memory.MemoryStorage;
import org.jodb.testmodel.BrokenMerge;
import org.jodb.testmodel.Gauge;
import org.jodb.testmodel.NoteWithNewAuthor;
import org.jodb.testmodel.PlainCounter;
import org.jodb.testmodel.Stock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A write-write conflict on an object whose class {@link MergesConflicts} commits the merged state
 * instead of failing; a refused merge, or any conflict in the same commit that cannot be merged,
 * fails the whole commit with nothing written. Two connections interleave their transactions
 * step by step, so every conflict here is certain.
 */
class ConflictResolutionTest {
    private CommitHookStorage storage;
    private Database db;

    @BeforeEach
    void open() {
        storage = new CommitHookStorage(new MemoryStorage());
        db = Database.open(storage);
        db.transact(c -> {
            c.root().put("counter", new Counter(10));
            c.root().put("plain", new PlainCounter());
            Gauge widget = new Gauge("widget", 0);
            c.root().put("widget", widget);
            c.root().put("gadget", new Gauge("gadget", 0));
            c.root().put("stock", new Stock(widget, 5));
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void concurrentChangesOfACounterMergeAndTheLiveObjectHoldsTheMergedValue() {
        try (Connection first = db.open(); Connection second = db.open()) {
            Counter mine = counter(second);
            assertEquals(10, mine.get());
            counter(first).add(5);
            first.commit();

            mine.add(3);
            second.commit(); // conflicts with the first commit, and merges

            assertEquals(18, mine.get(), "the live object holds the merged value, not its own 13");
            assertEquals(ObjectState.UPTODATE, Persistence.state(mine));
            mine.increment(); // and keeps working from it
            second.commit();
            assertEquals(19, mine.get());
        }
        try (Connection c = db.open()) {
            c.minimize(); // read what was committed, not what a pooled cache holds
            assertEquals(19, counter(c).get());
        }
    }

    @Test
    void aCommitLandingDuringTheMergeIsMergedAgainRelativeToTheStateMergedWith() {
        try (Connection first = db.open(); Connection second = db.open()) {
            Counter mine = counter(second);
            assertEquals(10, mine.get());
            counter(first).add(1);
            first.commit();
            mine.add(4);
            // The second connection's first commit call conflicts; before its retry after the merge,
            // a third transaction adds 2, so the retry conflicts again and merges a second time.
            storage.beforeCommit(1, () -> db.transact(c -> counter(c).add(2)));
            second.commit();
            assertEquals(17, mine.get(), "10 + 1 + 2 + 4: no change lost or counted twice");
        }
        try (Connection c = db.open()) {
            c.minimize();
            assertEquals(17, counter(c).get());
        }
    }

    @Test
    void aMergeThatRefusesFailsTheCommitWithAConflictAndWritesNothing() {
        long revision;
        try (Connection first = db.open(); Connection second = db.open()) {
            Stock mine = stock(second);
            stock(first).take(3);
            first.commit();
            revision = storage.lastRevision();

            mine.take(3); // 5 - 3 - 3 < 0: the merge refuses to oversell
            ConflictException conflict = assertThrows(ConflictException.class, second::commit);
            assertEquals(Persistence.oid(mine), conflict.oid());
            assertTrue(conflict.getMessage().contains("refused"), conflict.getMessage());
            assertEquals(revision, storage.lastRevision(), "nothing written");
            assertEquals(2, mine.quantity(), "the aborted transaction's object reloads the committed state");
        }
    }

    @Test
    void mergedStatesResolveReferencesToTheConnectionsInstances() {
        try (Connection first = db.open(); Connection second = db.open()) {
            Stock mine = stock(second);
            Object widget = second.root().get("widget");
            stock(first).take(1);
            first.commit();

            mine.take(2); // the merge compares the items by identity: they must be the same instance
            second.commit();
            assertEquals(2, mine.quantity());
            assertSame(widget, mine.item(), "the merged reference is the connection's instance");

            stock(first).setItem(first.root().get("gadget"));
            first.commit();
            mine.take(1);
            assertThrows(ConflictException.class, second::commit, "a concurrent change of the item refuses");
        }
        try (Connection c = db.open()) {
            c.minimize();
            assertEquals(2, stock(c).quantity());
            assertSame(c.root().get("gadget"), stock(c).item());
        }
    }

    @Test
    void aCommitWithAMergeableAndAnUnmergeableConflictWritesNothing() {
        try (Connection first = db.open(); Connection second = db.open()) {
            Counter counter = counter(second);
            PlainCounter plain = plain(second);
            counter(first).add(1);
            plain(first).increment();
            first.commit();
            long revision = storage.lastRevision();

            counter.add(100); // first in the commit: its conflict is found, and merged, first
            plain.increment();
            ConflictException conflict = assertThrows(ConflictException.class, second::commit);
            assertEquals(Persistence.oid(plain), conflict.oid());
            assertEquals(revision, storage.lastRevision(), "the merged counter is not written either");
            assertEquals(11, counter.get());
            assertEquals(1, plain.get());
        }
    }

    @Test
    void aCommitWithOnlyMergeableConflictsWritesEveryObjectOfIt() {
        try (Connection first = db.open(); Connection second = db.open()) {
            Counter counter = counter(second);
            Stock stock = stock(second);
            counter(first).add(1);
            stock(first).take(1);
            first.commit();

            counter.add(100);
            stock.take(2);
            second.root().put("note", "written with the merges");
            second.commit();
        }
        try (Connection c = db.open()) {
            c.minimize();
            assertEquals(111, counter(c).get());
            assertEquals(2, stock(c).quantity());
            assertEquals("written with the merges", c.root().get("note"));
        }
    }

    @Test
    void aMergedStateThatRefersToANewPersistentObjectFailsTheCommit() {
        db.transact(c -> c.root().put("note", new NoteWithNewAuthor()));
        try (Connection first = db.open(); Connection second = db.open()) {
            NoteWithNewAuthor mine = (NoteWithNewAuthor) second.root().get("note");
            ((NoteWithNewAuthor) first.root().get("note")).setText("a");
            first.commit();
            long revision = storage.lastRevision();

            mine.setText("b");
            UnstorableFieldException failure = assertThrows(UnstorableFieldException.class, second::commit);
            assertTrue(failure.getMessage().contains("author"), failure.getMessage());
            assertEquals(revision, storage.lastRevision(), "nothing written");
        }
    }

    @Test
    void aMergeThatThrowsFailsTheCommitWithItsOwnExceptionAndIsNotRetried() {
        db.transact(c -> c.root().put("broken", new BrokenMerge()));
        try (Connection c = db.open()) {
            ((BrokenMerge) c.root().get("broken")).increment(); // read at the old revision
            db.transact(other -> ((BrokenMerge) other.root().get("broken")).increment());
            long revision = storage.lastRevision();
            IllegalStateException failure = assertThrows(IllegalStateException.class, c::commit);
            assertEquals("a bug in the merge", failure.getMessage());
            assertEquals(revision, storage.lastRevision(), "nothing written");
        }
        int[] attempts = {0};
        try (Connection stale = db.open()) {
            ((BrokenMerge) stale.root().get("broken")).increment();
            assertThrows(IllegalStateException.class, () -> db.transact(c -> {
                attempts[0]++;
                ((BrokenMerge) c.root().get("broken")).increment();
                if (attempts[0] == 1) {
                    stale.commit(); // commits first, so this transaction's commit must merge
                }
            }));
        }
        assertEquals(1, attempts[0], "transact retried a failed merge as if it were a conflict");
    }

    private static Counter counter(Connection c) {
        return (Counter) c.root().get("counter");
    }

    private static PlainCounter plain(Connection c) {
        return (PlainCounter) c.root().get("plain");
    }

    private static Stock stock(Connection c) {
        return (Stock) c.root().get("stock");
    }
}
