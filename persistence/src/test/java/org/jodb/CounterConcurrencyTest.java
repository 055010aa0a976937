package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jodb.collections.Counter;
import org.jodb.storage.memory.MemoryStorage;
import org.jodb.testmodel.CountingCounter;
import org.jodb.testmodel.PlainCounter;
import org.junit.jupiter.api.Test;

/**
 * Threads increment one shared counter, one {@code transact} per increment: a {@link Counter}
 * merges every conflict, so each transaction commits at its first attempt and none is lost, while
 * a plain persistent counter under the same load conflicts and is retried.
 */
class CounterConcurrencyTest {
    private static final int THREADS = 4;
    private static final int INCREMENTS = 150;

    @Test
    void concurrentIncrementsOfACounterAllMergeAtTheFirstAttempt() throws Exception {
        CountingCounter.MERGES.set(0);
        try (Database db = Database.open(new MemoryStorage())) {
            db.transact(c -> c.root().put("counter", new CountingCounter()));
            int attempts = run(db, c -> ((Counter) c.root().get("counter")).increment());
            int merges = CountingCounter.MERGES.get();
            System.out.printf("[counter-concurrency] Counter: %d transactions, %d attempts, %d merges%n",
                    THREADS * INCREMENTS, attempts, merges);
            assertTrue(merges > 0, "no conflict was merged: the test proves nothing");
            assertEquals(THREADS * INCREMENTS, attempts, "a conflict reached transact, which retried it");
            try (Connection c = db.open()) {
                c.minimize();
                assertEquals(THREADS * INCREMENTS, ((Counter) c.root().get("counter")).get());
            }
        }
    }

    @Test
    void aPlainCounterUnderTheSameLoadConflictsAndIsRetried() throws Exception {
        DatabaseOptions options = DatabaseOptions.defaults().withTransactAttempts(100_000);
        try (Database db = Database.open(new MemoryStorage(), options)) {
            db.transact(c -> c.root().put("counter", new PlainCounter()));
            int attempts = run(db, c -> ((PlainCounter) c.root().get("counter")).increment());
            System.out.printf("[counter-concurrency] plain counter: %d transactions, %d attempts%n",
                    THREADS * INCREMENTS, attempts);
            assertTrue(attempts > THREADS * INCREMENTS, "no conflict was retried: the comparison shows nothing");
            try (Connection c = db.open()) {
                c.minimize();
                assertEquals(THREADS * INCREMENTS, ((PlainCounter) c.root().get("counter")).get());
            }
        }
    }

    /** Runs {@code INCREMENTS} transactions of {@code increment} on each thread; returns the attempts. */
    private static int run(Database db, Consumer<Connection> increment) throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < INCREMENTS; i++) {
                        db.transact(c -> {
                            attempts.incrementAndGet();
                            increment.accept(c);
                            pause(); // widens the window in which another thread commits
                        });
                    }
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return attempts.get();
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
