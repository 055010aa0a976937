package org.jodb.examples.bank;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.Persistence;
import org.jodb.btree.ObjectBTree;

/**
 * The README's demo: a small bank in an embedded database file. Stores customers and accounts
 * under the root (or finds those an earlier run stored), reads them back lazily in another
 * connection, then runs concurrent transfers with automatic conflict retries and checks that no
 * money was created or lost.
 */
public final class BankDemo {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "target/bank.jodb");
        System.out.println("jodb bank demo on Java " + Runtime.version().feature() + ", database "
                + file.toAbsolutePath());
        // Four threads moving money between six accounts conflict often: most transfers touch an
        // account another thread is committing. transact() retries a conflicting transaction
        // from the start, up to 10 attempts by default (DatabaseOptions.withTransactAttempts).
        try (Database db = Database.open(file)) {
            boolean created = db.transactAndGet(conn -> {
                if (conn.root().containsKey("accounts")) {
                    return false;
                }
                Customer ada = new Customer("Ada", "London");
                ObjectBTree<String, Account> accounts = new ObjectBTree<>(); // scales to millions of accounts
                accounts.put("ada-checking", new Account("ada-checking", ada));
                accounts.put("ada-savings", new Account("ada-savings", ada));
                Customer bob = new Customer("Bob", "Paris");
                accounts.put("bob-checking", new Account("bob-checking", bob));
                accounts.put("bob-savings", new Account("bob-savings", bob));
                accounts.put("cy-checking", new Account("cy-checking", new Customer("Cy", "Rome")));
                accounts.put("dee-checking", new Account("dee-checking", new Customer("Dee", "Oslo")));
                accounts.values().forEach(account -> account.deposit(1_000, "opening deposit"));
                conn.root().put("accounts", accounts);
                return true;
            });
            System.out.println(created ? "stored 6 accounts of 4 customers"
                    : "found the accounts an earlier run stored (file at revision "
                    + db.storage().lastRevision() + "); run again to see them grow");

            // Closed connections are pooled with their caches warm; a second one, opened while the
            // first is in use, starts cold, so its objects arrive as ghosts.
            try (Connection warm = db.open(); Connection conn = db.open()) {
                Map<String, Account> accounts = accounts(conn);
                Account checking = accounts.get("ada-checking");
                System.out.println("ada-checking is a " + Persistence.state(checking) + " until a field is read;");
                System.out.println("  balance " + checking.balance() + ", now " + Persistence.state(checking));
                System.out.println("  same customer object for both of Ada's accounts: "
                        + (checking.holder() == accounts.get("ada-savings").holder()));
            }

            AtomicInteger attempts = new AtomicInteger();
            int transfers = runConcurrentTransfers(db, 4, 250, attempts);
            db.transact(conn -> {
                long total = 0;
                for (Account account : accounts(conn).values()) {
                    System.out.printf("  %-13s %6d  (%d statement lines)%n",
                            account.owner(), account.balance(), account.statement().size());
                    total += account.balance();
                }
                System.out.println(transfers + " concurrent transfers committed; total " + total
                        + (total == 6_000 ? " (no money created or lost)" : " (WRONG: expected 6000)"));
                int conflicts = attempts.get() - transfers;
                System.out.printf("%d conflicts retried (%.2f per transfer)%n", conflicts,
                        (double) conflicts / transfers);
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Account> accounts(Connection conn) {
        return (Map<String, Account>) conn.root().get("accounts");
    }

    private static int runConcurrentTransfers(Database db, int threads, int perThread, AtomicInteger attempts)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            return transferConcurrently(db, pool, threads, perThread, attempts);
        } finally {
            pool.shutdown();
        }
    }

    /** Every run of a transaction counts in {@code attempts}: those beyond one per transfer were conflicts. */
    private static int transferConcurrently(Database db, ExecutorService pool, int threads, int perThread,
            AtomicInteger attempts) throws Exception {
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                int committed = 0;
                for (int i = 0; i < perThread; i++) {
                    db.transact(conn -> {
                        attempts.incrementAndGet();
                        List<Account> all = new ArrayList<>(accounts(conn).values());
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        Account from = all.get(random.nextInt(all.size()));
                        Account to = all.get(random.nextInt(all.size()));
                        long amount = Math.min(from.balance(), 1 + random.nextInt(10));
                        if (from != to && amount > 0) {
                            from.withdraw(amount, "to " + to.owner());
                            to.deposit(amount, "from " + from.owner());
                        }
                    });
                    committed++;
                }
                return committed;
            }));
        }
        int committed = 0;
        for (Future<Integer> f : done) {
            committed += f.get();
        }
        return committed;
    }
}
