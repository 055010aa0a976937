package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jodb.storage.GcResult;
import org.jodb.storage.Snapshot;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;
import org.jodb.storage.memory.MemoryStorage;
import org.jodb.testmodel.Node;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Database#collectGarbage()} through the public API, on the memory and the file storage. */
class GarbageCollectionTest {
    @TempDir
    Path dir;

    private Database open(String kind) {
        DatabaseOptions options = DatabaseOptions.defaults().withTransactAttempts(100);
        return kind.equals("memory") ? Database.open(new MemoryStorage(), options)
                : Database.open(FileStorage.open(dir.resolve("gc.jodb"),
                        FileStorageOptions.defaults().withSync(false)), options);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void removesWhatTheRootNoLongerReachesAndKeepsTheRestWithCycles(String kind) {
        try (Database db = open(kind)) {
            long[] oids = db.transactAndGet(c -> {
                Node a = new Node("a");
                Node b = new Node("b");
                Node shared = new Node("shared");
                a.setNext(b);
                b.setNext(a); // a cycle that stays reachable
                b.children().add(shared);
                Node x = new Node("x");
                Node y = new Node("y");
                x.setNext(y);
                y.setNext(x); // a cycle that becomes garbage
                x.children().add(shared);
                c.root().put("keep", a);
                c.root().put("drop", x);
                c.commit();
                return new long[] {Persistence.oid(a), Persistence.oid(b), Persistence.oid(shared),
                        Persistence.oid(x), Persistence.oid(y)};
            });
            db.transact(c -> c.root().remove("drop"));
            try (Snapshot before = db.storage().openSnapshot()) {
                GcResult result = db.collectGarbage();
                assertEquals(2, result.removedObjects(), result.toString());
                assertEquals(4, result.liveObjects(), "root, a, b, shared: " + result);
                assertEquals(before.revision() + 1, result.revision());
                // A snapshot pinned before the collection still reads the removed objects.
                assertNotNull(before.load(oids[3]));
                assertNotNull(before.load(oids[4]));
            }
            try (Snapshot after = db.storage().openSnapshot()) {
                assertNull(after.load(oids[3]));
                assertNull(after.load(oids[4]));
            }
            try (Connection c = db.open()) {
                Node a = (Node) c.root().get("keep");
                assertEquals("a", a.name());
                assertEquals("b", a.next().name());
                assertEquals("a", a.next().next().name());
                assertEquals("shared", a.next().children().get(0).name());
                JodbException gone = assertThrows(JodbException.class, () -> ((Node) c.get(oids[3])).name());
                assertTrue(gone.getMessage().contains("removed"), gone.getMessage());
            }
            assertEquals(0, db.collectGarbage().removedObjects(), "nothing left to remove");
            if (db.storage() instanceof FileStorage file) {
                assertEquals(4, file.verify().records());
            }
        }
    }

    /**
     * Workers keep re-linking objects they read from other workers' holders while a thread runs
     * garbage collection in a loop: a commit racing with a collection either lands before the sweep
     * (and its objects are marked) or conflicts and retries; no reference may dangle afterwards.
     */
    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void concurrentCommitsNeverLoseAnObjectTheyMadeReachable(String kind) throws Exception {
        int workers = 3;
        try (Database db = open(kind)) {
            db.transact(c -> {
                for (int w = 0; w < workers; w++) {
                    Node holder = new Node("holder" + w);
                    holder.setNext(new Node("first" + w));
                    c.root().put("h" + w, holder);
                }
            });
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong removed = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(workers + 1);
            try {
                Future<?> collector = pool.submit(() -> {
                    while (!stop.get()) {
                        removed.addAndGet(db.collectGarbage().removedObjects());
                    }
                    return null;
                });
                List<Future<?>> running = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    int me = w;
                    running.add(pool.submit(() -> {
                        // at least 150 transactions, and on until a collection has removed something
                        for (int i = 0; i < 150 || (removed.get() == 0 && i < 100_000); i++) {
                            int step = i;
                            db.transact(c -> work(c, me, workers, step));
                        }
                        return null;
                    }));
                }
                for (Future<?> worker : running) {
                    worker.get(60, TimeUnit.SECONDS);
                }
                stop.set(true);
                collector.get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertTrue(removed.get() > 0, "the collections ran while garbage was made");
            long reachable;
            try (Connection c = db.open()) {
                reachable = walk(c); // every reference must load: none dangles
            }
            GcResult last = db.collectGarbage();
            try (Connection c = db.open()) {
                assertEquals(reachable, walk(c));
            }
            assertEquals(reachable, last.liveObjects(), "exactly the reachable objects are left: " + last);
            if (db.storage() instanceof FileStorage file) {
                assertEquals(reachable, file.verify().records());
            }
        }
    }

    /** One transaction: replace my holder's head, or adopt another worker's head as a child. */
    private static void work(Connection c, int me, int workers, int step) {
        Node mine = (Node) c.root().get("h" + me);
        if (step % 2 == 0) {
            mine.setNext(new Node("n" + me + "." + step)); // the old head becomes garbage
            if (mine.children().size() > 3) {
                mine.children().clear(); // mine is already changed by setNext
            }
        } else {
            Node other = (Node) c.root().get("h" + ThreadLocalRandom.current().nextInt(workers));
            mine.children().add(other.next()); // an object that may be garbage by the time we commit
            Persistence.markChanged(mine); // the list mutation writes no field: tell jodb
        }
    }

    /** Loads every object reachable from the root; returns how many there are, the root included. */
    private static long walk(Connection c) {
        Set<Node> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        ArrayDeque<Node> todo = new ArrayDeque<>();
        for (Object value : c.root().values()) {
            todo.add((Node) value);
        }
        while (!todo.isEmpty()) {
            Node node = todo.poll();
            if (!seen.add(node)) {
                continue;
            }
            node.name(); // throws if the object was removed
            if (node.next() != null) {
                todo.add(node.next());
            }
            todo.addAll(node.children());
        }
        return 1 + seen.size();
    }
}
