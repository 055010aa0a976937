package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.RevisionInfo;
import org.jodb.storage.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FileStorageOptions#keepHistory}: revisions committed within the duration stay openable, by
 * a {@link ManualClock}, also after a restart; older ones are refused and their pages reclaimed.
 */
class KeepHistoryTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int RECORDS = 40;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(T0);
    private final FileStorageOptions options = FileStorageOptions.defaults().withSync(false)
            .keepHistory(WINDOW).withClock(clock);

    private static byte[] payload(long oid, long commit) {
        return ("oid " + oid + " commit " + commit + " ".repeat(150)).getBytes(StandardCharsets.UTF_8);
    }

    /** Commit {@code commit} rewrites every record with payloads naming it; returns the revision. */
    private static long commit(FileStorage storage, long[] oids, long[] serials, long commit) {
        int type = storage.typeId("history-record");
        List<RecordWrite> writes = new ArrayList<>();
        for (int i = 0; i < oids.length; i++) {
            writes.add(new RecordWrite(oids[i], serials[i], type, new long[0], payload(oids[i], commit)));
        }
        long revision = storage.commit(writes);
        java.util.Arrays.fill(serials, revision);
        return revision;
    }

    private static long[] newOids(FileStorage storage) {
        long[] oids = new long[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            oids[i] = storage.newOid();
        }
        return oids;
    }

    /** Commits 0..20, one a minute from T0; returns their revisions by commit number. */
    private long[] commitTwentyMinutes(FileStorage storage, long[] oids) {
        long[] serials = new long[RECORDS];
        long[] revisions = new long[21];
        for (int minute = 0; minute <= 20; minute++) {
            revisions[minute] = commit(storage, oids, serials, minute);
            clock.advance(Duration.ofMinutes(1));
        }
        clock.advance(Duration.ofMinutes(-1)); // "now" is the last commit's time
        return revisions;
    }

    private static void assertReadsCommit(FileStorage storage, long revision, long[] oids, long commit) {
        try (Snapshot snapshot = storage.openSnapshot(revision)) {
            for (long oid : oids) {
                assertArrayEquals(payload(oid, commit), snapshot.load(oid).payload(), "revision " + revision);
            }
        }
    }

    private static void assertRefused(FileStorage storage, long revision) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> storage.openSnapshot(revision));
        assertTrue(refused.getMessage().contains("no longer retained")
                && refused.getMessage().contains("committed within PT10M"), refused.getMessage());
    }

    @Test
    void revisionsCommittedWithinTheDurationStayOpenableAndOlderOnesAreRefused() {
        try (FileStorage storage = FileStorage.open(dir.resolve("window.jodb"), options)) {
            long[] oids = newOids(storage);
            long[] revisions = commitTwentyMinutes(storage, oids);
            for (int minute = 10; minute <= 20; minute++) {
                assertReadsCommit(storage, revisions[minute], oids, minute);
            }
            for (int minute = 0; minute < 10; minute++) {
                assertRefused(storage, revisions[minute]);
            }
            assertEquals(11, storage.retainedRevisions().size(), storage.retainedRevisions().toString());
            storage.verify();
        }
    }

    @Test
    void theWindowAndCommitTimesSurviveARestartAndMoveOnAtTheNextOpen() {
        Path file = dir.resolve("restart.jodb");
        long[] oids;
        long[] revisions;
        try (FileStorage storage = FileStorage.open(file, options)) {
            oids = newOids(storage);
            revisions = commitTwentyMinutes(storage, oids);
        }
        try (FileStorage storage = FileStorage.open(file, options)) {
            List<RevisionInfo> retained = storage.retainedRevisions();
            assertEquals(11, retained.size(), retained.toString());
            for (RevisionInfo info : retained) {
                int minute = indexOf(revisions, info.revision());
                assertEquals(T0.plus(Duration.ofMinutes(minute)), info.committed(), info.toString());
                assertReadsCommit(storage, info.revision(), oids, minute);
            }
            assertRefused(storage, revisions[9]);
            storage.verify();
        }
        clock.advance(Duration.ofMinutes(5)); // closed for five minutes: minutes 10-14 age out
        try (FileStorage storage = FileStorage.open(file, options)) {
            assertRefused(storage, revisions[14]);
            for (int minute = 15; minute <= 20; minute++) {
                assertReadsCommit(storage, revisions[minute], oids, minute);
            }
            storage.verify();
        }
    }

    @Test
    void pagesOfRevisionsOutsideTheWindowAreFreed() {
        try (FileStorage storage = FileStorage.open(dir.resolve("bounded.jodb"), options)) {
            long[] oids = newOids(storage);
            long[] serials = new long[RECORDS];
            long pendingEarly = 0;
            for (int minute = 0; minute < 600; minute++) {
                commit(storage, oids, serials, minute);
                clock.advance(Duration.ofMinutes(1));
                if (minute == 99) {
                    pendingEarly = storage.stats().pendingPages();
                }
            }
            FileStorageStats held = storage.stats();
            // Ten revisions in the window: what they hold stays what it was after 100 commits.
            assertTrue(pendingEarly > 0 && held.pendingPages() <= pendingEarly, pendingEarly + " -> " + held);
            // Every commit rewrites all records, so each older retained revision holds one whole
            // tree (the pages in use but 2 meta pages, catalog and bookkeeping) and the tree the
            // last commit superseded waits as free: pages <= in use + (older + 1) trees + a few.
            long treePages = held.pagesInUse() - 4;
            long olderRetained = storage.retainedRevisions().size() - 1;
            long bound = held.pagesInUse() + (olderRetained + 1) * treePages + 4;
            assertTrue(held.pageCount() <= bound, held + ", bound " + bound + " pages with "
                    + olderRetained + " older revisions retained");

            clock.advance(Duration.ofHours(1));
            commit(storage, oids, serials, 600);
            FileStorageStats after = storage.stats();
            assertEquals(0, after.pendingPages(), "an hour later only the newest revision is kept: " + after);
            assertEquals(1, storage.retainedRevisions().size());
            storage.verify();
        }
    }

    private static int indexOf(long[] revisions, long revision) {
        for (int i = 0; i < revisions.length; i++) {
            if (revisions[i] == revision) {
                return i;
            }
        }
        throw new AssertionError("revision " + revision + " was not committed by the test");
    }
}
