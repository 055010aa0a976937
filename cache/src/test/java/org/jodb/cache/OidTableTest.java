package org.jodb.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The weak identity map: open addressing with linear probing and backward-shift deletion.
 *
 * <p>Small oids hash to themselves ({@link OidTable#hash}), so in the initial 16-slot table the
 * oids 1, 17, 33 ... all want slot 1 and form one probe run; 15, 31, 47 want slot 15 and wrap
 * around to slots 0 and 1.
 */
class OidTableTest {

    @Test
    void anObjectPutIsFoundByItsOid() {
        OidTable table = new OidTable();
        FakeObject a = new FakeObject(7);
        FakeObject b = new FakeObject(8);
        table.put(a);
        table.put(b);
        assertSame(a, table.get(7));
        assertSame(b, table.get(8));
        assertNull(table.get(9));
        assertEquals(2, table.size());
    }

    @Test
    void puttingTheSameObjectTwiceKeepsOneEntry() {
        OidTable table = new OidTable();
        FakeObject a = new FakeObject(7);
        table.put(a);
        table.put(a);
        assertEquals(1, table.size());
        assertSame(a, table.get(7));
    }

    @Test
    void anotherObjectWithTheSameOidReplacesTheFirst() {
        OidTable table = new OidTable();
        FakeObject first = new FakeObject(7);
        FakeObject second = new FakeObject(7);
        table.put(first);
        table.put(second);
        assertEquals(1, table.size());
        assertSame(second, table.get(7));
    }

    @Test
    void removeDropsOnlyThatObject() {
        OidTable table = new OidTable();
        FakeObject a = new FakeObject(7);
        FakeObject b = new FakeObject(8);
        table.put(a);
        table.put(b);
        table.remove(a);
        table.remove(new FakeObject(8)); // same oid, another object: not b's entry
        assertNull(table.get(7));
        assertSame(b, table.get(8));
        assertEquals(1, table.size());
    }

    @Test
    void keysAfterARemovedNeighbourInTheirProbeRunAreStillFound() {
        OidTable table = new OidTable();
        List<FakeObject> run = List.of(new FakeObject(1), new FakeObject(17), new FakeObject(33),
                new FakeObject(49), new FakeObject(2)); // 2 wants slot 2, pushed behind the run
        run.forEach(table::put);
        table.remove(run.get(1));   // the middle of the run
        assertSame(run.get(0), table.get(1));
        assertSame(run.get(2), table.get(33));
        assertSame(run.get(3), table.get(49));
        assertSame(run.get(4), table.get(2));
        table.remove(run.get(0));   // the head of the run
        assertNull(table.get(1));
        assertNull(table.get(17));
        assertSame(run.get(2), table.get(33));
        assertSame(run.get(3), table.get(49));
        assertSame(run.get(4), table.get(2));
        assertEquals(3, table.size());
    }

    @Test
    void keysOfAProbeRunThatWrapsAroundTheEndAreFoundAfterRemovals() {
        OidTable table = new OidTable();
        FakeObject at15 = new FakeObject(15);
        FakeObject wrapsTo0 = new FakeObject(31);
        FakeObject wrapsTo1 = new FakeObject(47);
        FakeObject wants0 = new FakeObject(16); // home slot 0, behind 31 after the wrap
        for (FakeObject object : List.of(at15, wrapsTo0, wrapsTo1, wants0)) {
            table.put(object);
        }
        table.remove(at15);
        assertSame(wrapsTo0, table.get(31));
        assertSame(wrapsTo1, table.get(47));
        assertSame(wants0, table.get(16));
        table.remove(wrapsTo0);
        assertSame(wrapsTo1, table.get(47));
        assertSame(wants0, table.get(16));
        assertEquals(2, table.size());
    }

    @Test
    void randomPutsAndRemovesOfCollidingOidsAgreeWithAHashMap() {
        Random random = new Random(4);
        OidTable table = new OidTable();
        Map<Long, FakeObject> model = new HashMap<>(); // also keeps the objects strongly reachable
        for (int step = 0; step < 20_000; step++) {
            long oid = 1 + 16L * random.nextInt(40) + random.nextInt(3); // long runs, many collisions
            FakeObject present = model.get(oid);
            if (present != null && random.nextBoolean()) {
                table.remove(present);
                model.remove(oid);
            } else {
                FakeObject object = new FakeObject(oid);
                table.put(object);
                model.put(oid, object);
            }
            if (step % 97 == 0) {
                for (long probe = 0; probe < 16 * 41; probe++) {
                    assertSame(model.get(probe), table.get(probe), "oid " + probe + " at step " + step);
                }
                assertEquals(model.size(), table.size());
            }
        }
    }

    @Test
    void theTableGrowsPastThreeQuartersFull() {
        OidTable table = new OidTable();
        List<FakeObject> objects = new ArrayList<>();
        for (long oid = 1; oid <= 12; oid++) {
            objects.add(new FakeObject(oid));
            table.put(objects.get(objects.size() - 1));
        }
        assertEquals(16, table.capacity());
        objects.add(new FakeObject(13));
        table.put(objects.get(12));
        assertEquals(32, table.capacity());
        for (FakeObject object : objects) {
            assertSame(object, table.get(object.$jodbOid()));
        }
    }

    @Test
    void anEntryDisappearsOnceItsObjectIsCollected() {
        OidTable table = new OidTable();
        FakeObject kept = new FakeObject(1);
        table.put(kept);
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        WeakReference<Object> watched = putUnreferenced(table, 2, queue);
        assertEquals(2, table.size());

        assertTrue(Collector.collectUntilCollected(watched, queue), "object 2 was never collected");
        assertTrue(Collector.collectUntil(() -> table.size() == 1), "size " + table.size());
        assertNull(table.get(2));
        assertSame(kept, table.get(1));
    }

    @Test
    void theTableShrinksWhenMostOfItsObjectsAreCollected() {
        OidTable table = new OidTable();
        List<FakeObject> kept = new ArrayList<>();
        for (long oid = 1; oid <= 10_000; oid++) {
            FakeObject object = new FakeObject(oid);
            table.put(object);
            if (oid % 1_000 == 0) {
                kept.add(object);
            }
        }
        int grown = table.capacity();
        assertTrue(grown >= 10_000 * 4 / 3, "capacity " + grown);

        assertTrue(Collector.collectUntil(() -> table.size() == kept.size()), "size " + table.size());
        assertTrue(table.capacity() <= 64, "capacity " + table.capacity() + " after shrinking from " + grown);
        for (FakeObject object : kept) {
            assertSame(object, table.get(object.$jodbOid()));
        }
    }

    @Test
    void aSweepDropsEveryCollectedEntryAndShrinksTheTableToFit() {
        OidTable table = new OidTable();
        List<FakeObject> kept = new ArrayList<>();
        for (long oid = 1; oid <= 1_000; oid++) {
            FakeObject object = new FakeObject(oid);
            table.put(object);
            if (oid % 100 == 0) {
                kept.add(object);
            }
        }
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        WeakReference<Object> watched = putUnreferenced(table, 5_000, queue);
        assertTrue(Collector.collectUntilCollected(watched, queue), "object 5000 was never collected");
        table.sweep();
        assertEquals(kept.size(), table.size());
        assertTrue(table.capacity() <= 4 * kept.size(), "capacity " + table.capacity());
        for (FakeObject object : kept) {
            assertSame(object, table.get(object.$jodbOid()));
        }
    }

    /** Oids whose 32-bit hashes are equal: high and low halves xor to {@code fold}. */
    private static long sameHash(long high, long fold) {
        return high << 32 | (high ^ fold);
    }

    @Test
    void oidsOfTheSameHashAreToldApartByTheObjects() {
        OidTable table = new OidTable();
        List<FakeObject> objects = new ArrayList<>();
        for (long high = 0; high < 5; high++) {
            objects.add(new FakeObject(sameHash(high, 9)));
            table.put(objects.get((int) high));
        }
        assertEquals(OidTable.hash(objects.get(0).$jodbOid()), OidTable.hash(objects.get(4).$jodbOid()));
        table.remove(objects.get(2));
        assertNull(table.get(sameHash(2, 9)));
        assertNull(table.get(sameHash(7, 9)), "an oid of the same hash never put");
        for (int i = 0; i < 5; i++) {
            assertSame(i == 2 ? null : objects.get(i), table.get(objects.get(i).$jodbOid()));
        }
        FakeObject replacement = new FakeObject(sameHash(3, 9));
        table.put(replacement);
        assertSame(replacement, table.get(sameHash(3, 9)));
        assertEquals(4, table.size());
    }

    @Test
    void aCollectedEntryOfTheSameHashHidesNeitherALiveOneNorItsReplacement() {
        OidTable table = new OidTable(new ReferenceQueue<>() {
            @Override
            public Reference<? extends PersistentObject> poll() {
                return null; // entries of collected objects stay in the table, as before dequeueing
            }
        });
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        WeakReference<Object> watched = putUnreferenced(table, sameHash(0, 5), queue);
        FakeObject live = new FakeObject(sameHash(1, 5));
        table.put(live);                                   // after the collected one in its probe run
        assertTrue(Collector.collectUntilCollected(watched, queue), "the first object was never collected");
        assertSame(live, table.get(sameHash(1, 5)));
        assertNull(table.get(sameHash(0, 5)));

        FakeObject replacement = new FakeObject(sameHash(1, 5)); // replaces the live one, in its slot
        table.put(replacement);
        assertSame(replacement, table.get(sameHash(1, 5)));
        table.remove(replacement);
        assertNull(table.get(sameHash(1, 5)), "no second entry of that oid is left behind");

        FakeObject again = new FakeObject(sameHash(0, 5));      // the collected object's oid loaded anew
        table.put(again);
        assertSame(again, table.get(sameHash(0, 5)));
    }

    @Test
    void randomPutsAndRemovesOfOidsOfTheSameHashAgreeWithAHashMap() {
        Random random = new Random(5);
        OidTable table = new OidTable();
        Map<Long, FakeObject> model = new HashMap<>();
        for (int step = 0; step < 20_000; step++) {
            long oid = sameHash(random.nextInt(30), 1 + 16 * random.nextInt(3));
            FakeObject present = model.get(oid);
            if (present != null && random.nextBoolean()) {
                table.remove(present);
                model.remove(oid);
            } else {
                FakeObject object = new FakeObject(oid);
                table.put(object);
                model.put(oid, object);
            }
            if (step % 97 == 0) {
                for (long high = 0; high < 31; high++) {
                    for (long fold : new long[] {1, 17, 33}) {
                        assertSame(model.get(sameHash(high, fold)), table.get(sameHash(high, fold)), "step " + step);
                    }
                }
                assertEquals(model.size(), table.size());
            }
        }
    }

    /** Puts an object only the table references, and returns a weak reference watching it. */
    private static WeakReference<Object> putUnreferenced(OidTable table, long oid, ReferenceQueue<Object> queue) {
        FakeObject object = new FakeObject(oid);
        table.put(object);
        return new WeakReference<>(object, queue);
    }
}
