package org.jodb.benchmarks.commit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.benchmarks.BenchAccount;
import org.jodb.collections.PersistentList;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;

/**
 * A file database of {@code count} accounts in a list under the root, and connections that hold
 * their share of the accounts loaded, so a commit measures the commit alone.
 */
final class JodbAccounts implements AutoCloseable {
    private final Database db;
    private final List<Connection> connections = new ArrayList<>();

    JodbAccounts(Path file, boolean sync, int count) {
        db = Database.open(FileStorage.open(file, FileStorageOptions.defaults().withSync(sync)));
        db.transact(c -> {
            PersistentList<BenchAccount> list = new PersistentList<>();
            for (int i = 0; i < count; i++) {
                list.add(new BenchAccount("owner-" + i, i));
            }
            c.root().put("accounts", list);
        });
    }

    /** A new connection and the accounts {@code from} (inclusive) to {@code to} (exclusive), loaded. */
    Session session(int from, int to) {
        Connection connection = db.open();
        connections.add(connection);
        @SuppressWarnings("unchecked")
        List<BenchAccount> stored = (List<BenchAccount>) connection.root().get("accounts");
        List<BenchAccount> accounts = new ArrayList<>(stored.subList(from, to));
        accounts.forEach(BenchAccount::balance); // loaded, and held strongly
        connection.commit();
        return new Session(connection, accounts);
    }

    /** One connection and its accounts: each {@link #commitOne} changes the next account and commits. */
    static final class Session {
        private final Connection connection;
        private final List<BenchAccount> accounts;
        private int next;

        Session(Connection connection, List<BenchAccount> accounts) {
            this.connection = connection;
            this.accounts = accounts;
        }

        void commitOne() {
            accounts.get(next).deposit(1);
            next = (next + 1) % accounts.size();
            connection.commit();
        }
    }

    @Override
    public void close() throws IOException {
        connections.forEach(Connection::close);
        db.close();
    }
}
