package org.jodb.memory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.cache.HeapMeter;
import org.jodb.cache.HeapProfile;
import org.jodb.cache.PersistentObject;
import org.jodb.storage.memory.MemoryStorage;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;

/**
 * What the cache costs per object beyond the object itself, measured with JOL: everything a
 * {@link HeapProfile} of the cache counts, minus the objects' own shells (for ghosts) or their
 * own state (for loaded objects), divided by the number of objects.
 */
class BookkeepingCostTest {
    static final int OBJECTS = 100_000;
    static final long BOUND = 64;

    @Test
    void ghostsAndLoadedObjectsCostLessThan64BytesOfBookkeepingEach() {
        HeapMeter meter = HeapMeter.jol();
        DatabaseOptions options = DatabaseOptions.defaults().withCacheTargetCount(2 * OBJECTS)
                .withCacheTargetBytes(1L << 40);
        try (Database db = Database.open(new MemoryStorage(), options)) {
            long[] oids = Items.store(db, "items", OBJECTS, 16);
            try (Connection conn = db.open()) {
                conn.minimize();
                List<Object> held = new ArrayList<>();
                for (long oid : oids) {
                    held.add(conn.get(oid));   // loaded if its ghost had been collected
                }
                conn.minimize();               // now all ghosts
                Items.gcUntil(() -> conn.cacheStats().ghosts() <= OBJECTS + 300, 20);
                HeapProfile ghosts = HeapProfile.of(conn);
                long shells = 0;
                for (Object object : held) {
                    shells += meter.shallowSize(object);
                }
                long others = foreignObjects(conn, meter);
                double perGhost = (double) (ghosts.totalBytes() - shells - others) / OBJECTS;

                long state = 0;
                for (Object object : held) {
                    ((Item) object).number();     // loads it
                    state += meter.stateSize((PersistentObject) object);
                }
                HeapProfile loaded = HeapProfile.of(conn);
                double perLoaded = (double) (loaded.totalBytes() - state - others) / OBJECTS;

                long inObject = 0;
                for (FieldLayout field : ClassLayout.parseClass(Item.class).fields()) {
                    inObject += field.name().startsWith("$jodb") ? field.size() : 0;
                }
                System.out.printf("[bookkeeping] per ghost %.1f bytes, per loaded object %.1f bytes "
                        + "(cache side); plus %d bytes of $jodb fields inside each object (%s)%n",
                        perGhost, perLoaded, inObject, conn.cacheStats());
                assertTrue(perGhost < BOUND, "per ghost " + perGhost + "\n" + ghosts.toTable());
                assertTrue(perLoaded < BOUND, "per loaded " + perLoaded + "\n" + loaded.toTable());
            }
        }
    }

    /** Bytes of the persistent objects in the cache that are not items (the root, the pages). */
    private static long foreignObjects(Connection conn, HeapMeter meter) {
        long total = 0;
        for (PersistentObject object : conn.objectCache().allObjects()) {
            if (!(object instanceof Item)) {
                total += meter.stateSize(object);
            }
        }
        return total;
    }
}
