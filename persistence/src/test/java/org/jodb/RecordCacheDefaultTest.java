package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import org.jodb.storage.Storage;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.memory.MemoryStorage;
import org.jodb.testmodel.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * By default the shared record cache exists where it saves work (the file storage's records in
 * overflow extents) and not where it only duplicates the storage (MemoryStorage, and the file
 * storage's records inline in tree leaves); an explicit budget is honoured everywhere, for every
 * record.
 */
class RecordCacheDefaultTest {

    @Test
    void theFileStorageHasARecordCacheByDefault(@TempDir Path directory) {
        try (Database db = Database.open(directory.resolve("db.jodb"))) {
            assertTrue(reloadAndCountRecordCacheHits(db, LARGE) > 0, db.stats().toString());
        }
    }

    @Test
    void theFileStoragesDefaultCacheSkipsRecordsInlineInItsLeaves(@TempDir Path directory) {
        try (Database db = Database.open(directory.resolve("db.jodb"))) {
            assertEquals(0, reloadAndCountRecordCacheHits(db));
            assertEquals(0, db.stats().recordCacheEntries(), db.stats().toString());
        }
    }

    @Test
    void anExplicitBudgetCachesTheFileStoragesInlineRecordsToo(@TempDir Path directory) {
        try (Database db = Database.open(directory.resolve("db.jodb"),
                DatabaseOptions.defaults().withRecordCacheBytes(1 << 20))) {
            assertTrue(reloadAndCountRecordCacheHits(db) > 0, db.stats().toString());
        }
    }

    @Test
    void theMemoryStorageHasNoRecordCacheByDefault() {
        try (Database db = Database.open(new MemoryStorage())) {
            assertEquals(0, reloadAndCountRecordCacheHits(db));
            assertEquals(0, db.stats().recordCacheEntries());
        }
    }

    @Test
    void theStorageChoosesTheAutomaticBudget(@TempDir Path directory) {
        Storage file = FileStorage.open(directory.resolve("db.jodb"));
        try (Database db = Database.open(preferringRecordCacheBytes(file, 0))) {
            assertEquals(0, reloadAndCountRecordCacheHits(db));
        }
        try (Database db = Database.open(preferringRecordCacheBytes(new MemoryStorage(), 1 << 20))) {
            assertTrue(reloadAndCountRecordCacheHits(db) > 0, db.stats().toString());
        }
    }

    @Test
    void anExplicitBudgetGivesTheMemoryStorageARecordCache() {
        try (Database db = Database.open(new MemoryStorage(), DatabaseOptions.defaults().withRecordCacheBytes(1 << 20))) {
            assertTrue(reloadAndCountRecordCacheHits(db) > 0, db.stats().toString());
        }
    }

    @Test
    void aZeroBudgetTurnsTheFileStoragesRecordCacheOff(@TempDir Path directory) {
        try (Database db = Database.open(directory.resolve("db.jodb"), DatabaseOptions.defaults().withRecordCacheBytes(0))) {
            assertEquals(0, reloadAndCountRecordCacheHits(db));
        }
    }

    @Test
    void aNegativeBudgetOtherThanAutomaticIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DatabaseOptions.defaults().withRecordCacheBytes(-2));
    }

    /** {@code storage}, but preferring a record cache of {@code bytes}. */
    private static Storage preferringRecordCacheBytes(Storage storage, long bytes) {
        return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("preferredRecordCacheBytes")) {
                        return bytes;
                    }
                    try {
                        return method.invoke(storage, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** An owner whose account's record is too large for a leaf of 4 KiB pages: an overflow extent. */
    private static final String LARGE = "a".repeat(4096);

    private static long reloadAndCountRecordCacheHits(Database db) {
        return reloadAndCountRecordCacheHits(db, "a");
    }

    /** Stores an account of {@code owner}, then turns it into a ghost and loads it again, twice. */
    private static long reloadAndCountRecordCacheHits(Database db, String owner) {
        db.transact(c -> c.root().put("a", new Account(owner, 7)));
        try (Connection conn = db.open()) {
            Account account = (Account) conn.root().get("a");
            assertEquals(7, account.balance());
            for (int i = 0; i < 2; i++) { // the first reload fills the record cache, the second may hit
                conn.minimize();
                assertEquals(7, account.balance());
            }
        }
        return db.stats().recordCacheHits();
    }
}
