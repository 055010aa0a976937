package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jodb.collections.PersistentList;
import org.jodb.testmodel.Account;
import org.junit.jupiter.api.Test;

/**
 * No committed transfer is lost or applied twice under real threads: each thread's transfers are
 * fixed by its seed and transfers commute, so the final balance and incoming-transfer count of
 * every account are known in advance whatever order the commits took.
 */
class ConcurrentTransfersTest {
    private static final int ACCOUNTS = 100;
    private static final int THREADS = 8;
    private static final int TRANSFERS_PER_THREAD = 1_000;
    private static final long INITIAL_BALANCE = 1_000;

    /** One transfer of a thread's seeded sequence. */
    private record Transfer(int from, int to, long amount) {
    }

    private static List<Transfer> transfersOf(long seed) {
        Random random = new Random(seed);
        List<Transfer> transfers = new ArrayList<>(TRANSFERS_PER_THREAD);
        for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
            int from = random.nextInt(ACCOUNTS);
            int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            transfers.add(new Transfer(from, to, 1 + random.nextInt(20)));
        }
        return transfers;
    }

    @Test
    void everyAccountEndsWithExactlyTheTransfersAllThreadsCommitted() throws Exception {
        long[] expectedBalance = new long[ACCOUNTS];
        long[] expectedTransfersIn = new long[ACCOUNTS];
        java.util.Arrays.fill(expectedBalance, INITIAL_BALANCE);
        List<List<Transfer>> plans = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<Transfer> plan = transfersOf(42 + t);
            plans.add(plan);
            for (Transfer transfer : plan) {
                expectedBalance[transfer.from()] -= transfer.amount();
                expectedBalance[transfer.to()] += transfer.amount();
                expectedTransfersIn[transfer.to()]++;
            }
        }

        DatabaseOptions options = DatabaseOptions.defaults().withTransactAttempts(1_000);
        try (Database db = Database.open(new org.jodb.storage.memory.MemoryStorage(), options)) {
            db.transact(c -> {
                PersistentList<Account> accounts = new PersistentList<>();
                for (int i = 0; i < ACCOUNTS; i++) {
                    accounts.add(new Account("account-" + i, INITIAL_BALANCE));
                }
                c.root().put("accounts", accounts);
            });

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> results = new ArrayList<>();
                for (List<Transfer> plan : plans) {
                    results.add(pool.submit(() -> transferAll(db, plan)));
                }
                for (Future<?> result : results) {
                    result.get();
                }
            } finally {
                pool.shutdownNow();
            }

            try (Connection c = db.open()) {
                @SuppressWarnings("unchecked")
                List<Account> accounts = (List<Account>) c.root().get("accounts");
                for (int i = 0; i < ACCOUNTS; i++) {
                    assertEquals(expectedBalance[i], accounts.get(i).balance(), "balance of account " + i);
                    assertEquals(expectedTransfersIn[i], accounts.get(i).transfersIn(), "transfers into account " + i);
                }
            }
        }
    }

    private static void transferAll(Database db, List<Transfer> plan) {
        for (Transfer transfer : plan) {
            db.transact(c -> {
                @SuppressWarnings("unchecked")
                List<Account> accounts = (List<Account>) c.root().get("accounts");
                accounts.get(transfer.from()).withdraw(transfer.amount());
                accounts.get(transfer.to()).deposit(transfer.amount());
            });
        }
    }
}
