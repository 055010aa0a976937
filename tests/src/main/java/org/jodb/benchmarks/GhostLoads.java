package org.jodb.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.collections.PersistentList;
import org.jodb.storage.memory.MemoryStorage;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@value #OBJECTS} accounts in one connection, on the memory storage or the embedded file storage
 * (a temporary file, warm in the OS page cache), with or without the shared record cache. Owners of
 * 8 characters make records stored inline in the file's tree leaves; owners of 2,000 characters
 * make records stored in overflow extents, read with one positional read each.
 */
@State(Scope.Thread)
public class GhostLoads {
    static final int OBJECTS = 10_000;

    @Param({"memory", "file"})
    public String storage;

    @Param({"true", "false"})
    public boolean recordCache;

    @Param({"8", "2000"})
    public int ownerChars;

    Database db;
    Connection connection;
    BenchAccount[] accounts;
    private Path directory;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        DatabaseOptions options = DatabaseOptions.defaults().withCacheTargetCount(2 * OBJECTS)
                .withCacheTargetBytes(1L << 40).withRecordCacheBytes(recordCache ? 64L << 20 : 0);
        if (storage.equals("file")) {
            directory = Files.createTempDirectory("jodb-bench");
            db = Database.open(directory.resolve("bench.jodb"), options);
        } else {
            db = Database.open(new MemoryStorage(), options);
        }
        String padding = "x".repeat(ownerChars);
        db.transact(c -> {
            PersistentList<BenchAccount> list = new PersistentList<>();
            for (int i = 0; i < OBJECTS; i++) {
                list.add(new BenchAccount(padding.substring(Integer.toString(i).length()) + i, i));
            }
            c.root().put("accounts", list);
        });
        connection = db.open();
        @SuppressWarnings("unchecked")
        PersistentList<BenchAccount> list = (PersistentList<BenchAccount>) connection.root().get("accounts");
        accounts = list.toArray(new BenchAccount[0]);
        for (BenchAccount account : accounts) {
            account.balance(); // loads it, and fills the record cache when there is one
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        connection.close();
        db.close();
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(GhostLoads::delete);
            }
        }
    }

    /** The next account, in oid order, wrapping around. */
    BenchAccount nextAccount() {
        int i = next + 1;
        next = i == OBJECTS ? 0 : i;
        return accounts[next];
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
