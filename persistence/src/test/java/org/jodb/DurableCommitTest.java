package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.jodb.cache.HeapMeter;
import org.jodb.cache.ObjectState;
import org.jodb.cache.PersistentObject;
import org.jodb.cache.SizeEstimator;
import org.jodb.storage.memory.MemoryStorage;
import org.jodb.testmodel.Account;
import org.junit.jupiter.api.Test;

/** Once the storage commit returned, nothing that follows may report the commit as failed or undo it. */
class DurableCommitTest {

    /** Measures like a heap too full to walk a large new graph. */
    private static final class ExhaustedMeter implements HeapMeter {
        final AtomicInteger failures = new AtomicInteger();

        @Override
        public long shallowSize(Object object) {
            return 16;
        }

        @Override
        public long stateSize(PersistentObject object) {
            failures.incrementAndGet();
            throw new OutOfMemoryError("Java heap space (simulated while measuring " + object.getClass().getName() + ")");
        }
    }

    @Test
    void aFailureToMeasureCommittedObjectsDoesNotUndoTheCommit() {
        ExhaustedMeter meter = new ExhaustedMeter();
        MemoryStorage storage = new MemoryStorage();
        try (Database db = new Database(storage, DatabaseOptions.defaults(), new SizeEstimator(meter))) {
            Account carol = new Account("carol", 30);
            try (Connection conn = db.open()) {
                conn.root().put("carol", carol);
                conn.commit(); // measuring the new objects fails after the storage commit returned
                assertNotEquals(0, meter.failures.get(), "the meter was asked to measure");
                assertNotEquals(0, Persistence.oid(carol), "committed objects stay stored");
                assertEquals(ObjectState.UPTODATE, Persistence.state(carol));

                carol.deposit(5); // the object goes on working in the next transaction
                conn.commit();
            }
            try (Connection fresh = db.open()) {
                assertEquals(35, ((Account) fresh.root().get("carol")).balance());
            }
        }
    }
}
