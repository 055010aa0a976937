package org.jodb.storage.file;

import java.time.Duration;
import java.time.Instant;
import org.jodb.storage.RevisionInfo;
import org.jodb.storage.Snapshot;

/**
 * {@code keepRevisions(3)} and a {@code keepHistory} of {@value #HISTORY_MINUTES} minutes by a
 * manual clock that moves a minute per commit, over {@value #SESSIONS} sessions with restarts in
 * between (the retained roots and their commit times come back from the bookkeeping), a garbage
 * collection and a compaction per session. Every retained revision is opened and checked after
 * each commit; the checker checks every retained revision of every image too.
 */
final class RetainedHistoryWorkload implements PowerCutWorkload {
    private static final int SESSIONS = 3;
    private static final int COMMITS = 8;
    private static final int HISTORY_MINUTES = 5;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Override
    public String name() {
        return "retained-history";
    }

    @Override
    public FileStorageOptions options() {
        return FileStorageOptions.defaults().withPageSize(1024).withNodeCacheBytes(0).keepRevisions(3)
                .keepHistory(Duration.ofMinutes(HISTORY_MINUTES)).withClock(clock);
    }

    @Override
    public void run(RecordingDisk disk, ExpectedRevisions expected, FileStorageOptions options, long seed) {
        RandomChanges changes = new RandomChanges(67 * seed, 30, 2 << 10);
        for (int session = 0; session < SESSIONS; session++) {
            try (TrackedStorage storage = TrackedStorage.open(disk, options, expected)) {
                for (int commit = 0; commit < COMMITS; commit++) {
                    clock.advance(Duration.ofMinutes(1));
                    changes.commit(storage, 3, 2, session == 0 && commit < 2 ? 0 : 2);
                    if (commit == COMMITS / 2) {
                        storage.collectGarbage();
                        storage.compact();
                    }
                    for (RevisionInfo info : storage.storage().retainedRevisions()) {
                        try (Snapshot snapshot = storage.openSnapshot(info.revision())) {
                            storage.checkReader(snapshot);
                        }
                    }
                }
            }
            clock.advance(Duration.ofMinutes(2));
        }
    }
}
