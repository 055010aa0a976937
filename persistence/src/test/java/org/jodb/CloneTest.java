package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.jodb.cache.ObjectState;
import org.jodb.testmodel.Gauge;
import org.junit.jupiter.api.Test;

/** {@code clone()} of a persistent object gives a new transient object, never a second copy of the stored one. */
class CloneTest {

    @Test
    void aCloneOfAGhostIsANewTransientObjectWithTheLoadedState() {
        try (Database db = Database.inMemory()) {
            db.transact(conn -> conn.root().put("g", new Gauge("g", 7)));
            try (Connection conn = db.open()) {
                Gauge original = (Gauge) conn.root().get("g");
                conn.minimize();
                assertEquals(ObjectState.GHOST, Persistence.state(original));

                Gauge copy = original.clone();

                assertEquals(ObjectState.TRANSIENT, Persistence.state(copy));
                assertEquals(0, Persistence.oid(copy));
                assertEquals("g", copy.name());
                assertEquals(7, copy.reading());

                copy.set(8);
                conn.root().put("copy", copy);
                conn.commit();
                assertNotEquals(Persistence.oid(original), Persistence.oid(copy));
                conn.minimize(); // walks the cache's rings: a clone sharing the original's links breaks them
                assertEquals(ObjectState.GHOST, Persistence.state(original));
                assertEquals(ObjectState.GHOST, Persistence.state(copy));
                assertEquals(0, conn.cacheStats().loaded(), conn.cacheStats().toString());
                assertEquals(7, original.reading());
                assertEquals(8, copy.reading());
            }
            try (Connection conn = db.open()) {
                assertEquals(7, ((Gauge) conn.root().get("g")).reading());
                assertEquals(8, ((Gauge) conn.root().get("copy")).reading());
            }
        }
    }
}
