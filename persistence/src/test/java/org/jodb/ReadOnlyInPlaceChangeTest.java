package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jodb.testmodel.Node;
import org.junit.jupiter.api.Test;

/** A change made in place in a read-only connection is refused at commit, like a field write. */
class ReadOnlyInPlaceChangeTest {

    @Test
    void aCommitOfAReadOnlyConnectionRefusesAnInPlaceChangeAndStoresNothing() {
        try (Database db = Database.inMemory()) {
            db.transact(c -> c.root().put("parent", new Node("parent")));
            long revision = db.storage().lastRevision();
            try (Connection old = db.openAt(revision)) {
                Node parent = (Node) old.root().get("parent");
                parent.children().add(new Node("child"));

                IllegalStateException refused = assertThrows(IllegalStateException.class, old::commit);
                assertTrue(refused.getMessage().contains("read-only"), refused.getMessage());
                assertEquals(0, parent.children().size(), "the failed commit dropped the change");
            }
            assertEquals(revision, db.storage().lastRevision());
        }
    }
}
