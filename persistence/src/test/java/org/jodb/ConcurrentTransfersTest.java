package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jodb.collections.PersistentList;
import org.jodb.testmodel.Account;
import org.junit.jupiter.api.Test;

/** Money is neither created nor lost, and no committed transfer is missing, under real threads. */
class ConcurrentTransfersTest {
    private static final int ACCOUNTS = 100;
    private static final int THREADS = 8;
    private static final int TRANSFERS_PER_THREAD = 1_000;
    private static final long INITIAL_BALANCE = 1_000;

    @Test
    void concurrentTransfersPreserveTheTotalAndEveryCommittedTransfer() throws Exception {
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
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = 42 + t;
                results.add(pool.submit((Callable<Integer>) () -> transferRandomly(db, seed)));
            }
            int committed = 0;
            for (Future<Integer> result : results) {
                committed += result.get();
            }
            pool.shutdown();

            assertEquals(THREADS * TRANSFERS_PER_THREAD, committed);
            try (Connection c = db.open()) {
                @SuppressWarnings("unchecked")
                List<Account> accounts = (List<Account>) c.root().get("accounts");
                long total = 0;
                long transfersIn = 0;
                for (Account account : accounts) {
                    total += account.balance();
                    transfersIn += account.transfersIn();
                }
                assertEquals(ACCOUNTS * INITIAL_BALANCE, total);
                assertEquals(committed, transfersIn);
            }
        }
    }

    private static int transferRandomly(Database db, long seed) {
        Random random = new Random(seed);
        int committed = 0;
        for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
            int from = random.nextInt(ACCOUNTS);
            int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            long amount = 1 + random.nextInt(20);
            db.transact(c -> {
                @SuppressWarnings("unchecked")
                List<Account> accounts = (List<Account>) c.root().get("accounts");
                accounts.get(from).withdraw(amount);
                accounts.get(to).deposit(amount);
            });
            committed++;
        }
        return committed;
    }
}
