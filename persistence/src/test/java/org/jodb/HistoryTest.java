package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;
import org.jodb.storage.file.FileStorageStats;
import org.jodb.storage.file.VerifyResult;
import org.jodb.testmodel.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Database#openAt}, {@link Database#history} and storage figures in {@link Database#stats}. */
class HistoryTest {
    @TempDir
    Path dir;

    @Test
    void openAtReadsRetainedRevisionsReadOnlyAndHistoryListsThem() {
        FileStorageOptions keep5 = FileStorageOptions.defaults().withSync(false).keepRevisions(5);
        try (Database db = Database.open(FileStorage.open(dir.resolve("history.jodb"), keep5))) {
            long oid = db.transactAndGet(c -> {
                Account account = new Account("alice", 0);
                c.root().put("alice", account);
                c.commit();
                return Persistence.oid(account);
            });
            List<Long> revisions = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                db.transact(c -> ((Account) c.root().get("alice")).deposit(10));
                revisions.add(db.storage().lastRevision());
            }
            long last = revisions.get(5);
            try (Connection old = db.openAt(revisions.get(2))) {
                Account alice = (Account) old.root().get("alice");
                assertEquals(30, alice.balance());
                assertTrue(old.isReadOnly());
                IllegalStateException refused = assertThrows(IllegalStateException.class, () -> alice.deposit(1));
                assertTrue(refused.getMessage().contains("read-only"), refused.getMessage());
                old.commit(); // nothing changed: fine, and the revision stays
                db.transact(c -> ((Account) c.root().get("alice")).deposit(10)); // moves the window
                assertEquals(30, ((Account) old.root().get("alice")).balance(), "still pinned");
            }
            IllegalArgumentException gone = assertThrows(IllegalArgumentException.class,
                    () -> db.openAt(revisions.get(0)));
            assertTrue(gone.getMessage().contains("no longer retained"), gone.getMessage());
            assertThrows(IllegalArgumentException.class, () -> db.openAt(last + 100));

            List<ObjectVersion> history = db.history(oid);
            assertEquals(5, history.size(), history.toString());
            assertEquals(last + 1, history.get(0).revision(), "newest first");
            for (int i = 1; i < history.size(); i++) {
                assertTrue(history.get(i).revision() < history.get(i - 1).revision());
            }
            assertNotNull(history.get(0).committed());
            try (Connection at = db.openAt(history.get(4).revision())) {
                assertEquals(30, ((Account) at.root().get("alice")).balance());
            }

            DatabaseStats stats = db.stats();
            FileStorageStats storage = (FileStorageStats) stats.storage();
            assertEquals(last + 1, storage.lastRevision());
            assertEquals(0, storage.pinnedRevisions());
            // The figures agree with a walk of the file: every page is live, pending or free.
            VerifyResult walked = ((FileStorage) db.storage()).verify();
            assertEquals(walked.livePages(), storage.pagesInUse(), storage.toString());
            assertEquals(walked.pendingPages(), storage.pendingPages(), storage.toString());
            assertEquals(walked.freePages(), storage.freePages(), storage.toString());
            assertEquals(walked.pageCount() * storage.pageSize(), storage.fileSize(), storage.toString());
        }
    }

    @Test
    void gcAndCompactThroughTheDatabaseShrinkTheFile() {
        try (Database db = Database.open(FileStorage.open(dir.resolve("shrink.jodb"),
                FileStorageOptions.defaults().withSync(false)))) {
            db.transact(c -> {
                for (int i = 0; i < 3_000; i++) {
                    c.root().put("a" + i, new Account("owner " + i + " ".repeat(200), i));
                }
            });
            db.transact(c -> {
                for (String key : new ArrayList<>(c.root().keySet())) {
                    if (!key.equals("a7")) {
                        c.root().remove(key);
                    }
                }
            });
            long before = ((FileStorageStats) db.stats().storage()).fileSize();
            assertEquals(3_000 - 1, db.collectGarbage().removedObjects());
            long after = db.compact().bytesAfter();
            assertTrue(after * 4 < before, before + " -> " + after);
            assertEquals(7L, (long) db.transactAndGet(c -> ((Account) c.root().get("a7")).balance()));
            ((FileStorage) db.storage()).verify();
        }
    }
}
