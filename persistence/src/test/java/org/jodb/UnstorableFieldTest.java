package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jodb.testmodel.Account;
import org.jodb.testmodel.Holder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UnstorableFieldTest {
    private final Database db = Database.inMemory();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aCommitMeetingAnUnstorableFieldNamesItAndWritesNothing() {
        db.transact(c -> c.root().put("alice", new Account("alice", 100)));
        long revisionBefore = db.storage().lastRevision();

        try (Connection c = db.open()) {
            ((Account) c.root().get("alice")).deposit(1);
            c.root().put("holder", new Holder(new Thread(() -> { })));

            UnstorableFieldException e = assertThrows(UnstorableFieldException.class, c::commit);
            assertEquals(Holder.class.getName(), e.className());
            assertEquals("value", e.fieldName());
        }

        assertEquals(revisionBefore, db.storage().lastRevision());
        try (Connection c = db.open()) {
            assertNull(c.root().get("holder"));
            assertEquals(100, ((Account) c.root().get("alice")).balance());
        }
    }

    @Test
    void theConnectionStaysUsableAfterAFailedCommit() {
        try (Connection c = db.open()) {
            Holder holder = new Holder(new Object[] {Thread.currentThread()});
            c.root().put("holder", holder);
            assertThrows(UnstorableFieldException.class, c::commit);

            holder.set("a string this time");
            c.root().put("holder", holder);
            c.commit();
        }
        try (Connection c = db.open()) {
            assertEquals("a string this time", ((Holder) c.root().get("holder")).value());
        }
    }
}
