package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class NodeCacheTest {

    private static LeafNode leaf(long page, long created) {
        return new LeafNode(new NodeRef(page, 1, created), List.of(LeafEntry.inline(page, created, new byte[100])));
    }

    private static BranchNode branch(long page, long created) {
        return new BranchNode(new NodeRef(page, 1, created), new long[] {1, 2},
                new NodeRef[] {new NodeRef(7, 1, 1), new NodeRef(8, 1, 1)});
    }

    @Test
    void aReusedPageNumberNeverReturnsTheNodeOfAnotherRevision() {
        NodeCache cache = new NodeCache(1 << 20);
        LeafNode old = leaf(5, 1);
        cache.put(old);
        assertSame(old, cache.get(new NodeRef(5, 1, 1)));
        assertNull(cache.get(new NodeRef(5, 1, 2)), "page 5 as created at revision 2 is another node");

        LeafNode reused = leaf(5, 2);
        cache.put(reused);
        assertNull(cache.get(new NodeRef(5, 1, 1)));
        assertSame(reused, cache.get(new NodeRef(5, 1, 2)));
        assertEquals(reused.footprint(), cache.bytes(), "the replaced node no longer counts");
    }

    @Test
    void staysWithinItsBudget() {
        int budget = 20 * leaf(0, 1).footprint();
        NodeCache cache = new NodeCache(budget);
        for (long page = 0; page < 1_000; page++) {
            cache.put(leaf(page, 1));
            assertTrue(cache.bytes() <= budget, "bytes " + cache.bytes() + " over the budget " + budget);
        }
        assertNull(cache.get(new NodeRef(0, 1, 1)), "the oldest unused leaf was evicted");
        assertEquals(999, cache.get(new NodeRef(999, 1, 1)).ref().page());
    }

    @Test
    void usedBranchesOutliveAFloodOfLeaves() {
        NodeCache cache = new NodeCache(50L * leaf(0, 1).footprint());
        BranchNode branch = branch(1_000_000, 1);
        cache.put(branch);
        for (long page = 0; page < 10_000; page++) {
            cache.put(leaf(page, 1));
            if (page % 40 == 0) {
                assertSame(branch, cache.get(branch.ref()), "lost after " + page + " leaves");
            }
        }
    }

    @Test
    void repeatedReplacementsOfOnePageDoNotAccumulate() {
        NodeCache cache = new NodeCache(1 << 20);
        for (long revision = 1; revision <= 100_000; revision++) {
            cache.put(leaf(3, revision));
        }
        assertEquals(leaf(3, 1).footprint(), cache.bytes());
        assertEquals(100_000, cache.get(new NodeRef(3, 1, 100_000)).ref().created());
    }

    @Test
    void everyCountedNodeStaysFindableThroughEvictionsAndReplacements() {
        LeafNode sample = leaf(0, 1);
        NodeCache cache = new NodeCache(300L * sample.footprint());
        Map<Long, LeafNode> latest = new HashMap<>();
        Random random = new Random(7);
        for (int op = 0; op < 20_000; op++) {
            long page = random.nextInt(1_000);
            LeafNode node = leaf(page, op + 1);
            cache.put(node);
            latest.put(page, node);
            if (op % 997 == 0) {
                long found = 0;
                for (LeafNode expected : latest.values()) {
                    Node cached = cache.get(expected.ref());
                    if (cached != null) {
                        assertSame(expected, cached);
                        found += cached.footprint();
                    }
                    assertNull(cache.get(new NodeRef(expected.ref().page(), 1, expected.ref().created() - 1)));
                }
                assertEquals(cache.bytes(), found, "a counted node cannot be found, or a found one is not counted");
                assertTrue(cache.bytes() <= 300L * sample.footprint());
            }
        }
    }

    @Test
    void lockFreeLookupsRacingWithPutsAndEvictionsNeverReturnAnotherNode() throws InterruptedException {
        NodeCache cache = new NodeCache(200L * leaf(0, 1).footprint());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            long seed = t;
            readers.add(new Thread(() -> {
                Random random = new Random(seed);
                try {
                    while (!done.get()) {
                        long page = random.nextInt(500);
                        long created = 1 + random.nextInt(8);
                        Node node = cache.get(new NodeRef(page, 1, created));
                        if (node != null && (node.ref().page() != page || node.ref().created() != created)) {
                            throw new AssertionError("asked for " + page + "@" + created + ", got " + node.ref());
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        readers.forEach(Thread::start);
        Random random = new Random(42);
        for (int op = 0; op < 300_000; op++) {
            cache.put(leaf(random.nextInt(500), 1 + random.nextInt(8)));
        }
        done.set(true);
        for (Thread reader : readers) {
            reader.join();
        }
        assertNull(failure.get(), () -> "a reader failed: " + failure.get());
    }

    @Test
    void aZeroBudgetCachesNothing() {
        NodeCache cache = new NodeCache(0);
        cache.put(leaf(1, 1));
        assertNull(cache.get(new NodeRef(1, 1, 1)));
        assertEquals(0, cache.bytes());
    }
}
