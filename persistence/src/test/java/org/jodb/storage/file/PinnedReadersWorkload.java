package org.jodb.storage.file;

import java.util.ArrayDeque;
import org.jodb.storage.Snapshot;

/**
 * Commits, collections and compactions while up to {@value #READERS} snapshots stay open for
 * several commits each: their pages are held by the interval rule and their bookkeeping is written
 * with every commit, then freed and reused when they close. Each reader is checked to still read
 * its revision exactly after every commit; a power cut drops the pins.
 */
final class PinnedReadersWorkload implements PowerCutWorkload {
    private static final int COMMITS = 24;
    private static final int READERS = 3;

    @Override
    public String name() {
        return "pinned-readers";
    }

    @Override
    public FileStorageOptions options() {
        return FileStorageOptions.defaults().withPageSize(1024).withNodeCacheBytes(0);
    }

    @Override
    public void run(RecordingDisk disk, ExpectedRevisions expected, FileStorageOptions options, long seed) {
        RandomChanges changes = new RandomChanges(53 * seed, 30, 2 << 10);
        ArrayDeque<Snapshot> readers = new ArrayDeque<>();
        try (TrackedStorage storage = TrackedStorage.open(disk, options, expected)) {
            for (int commit = 0; commit < COMMITS; commit++) {
                if (commit % 2 == 0) {
                    readers.addLast(storage.openSnapshot());
                    if (readers.size() > READERS) {
                        readers.pollFirst().close();
                    }
                }
                changes.commit(storage, 3, 2, commit < 2 ? 0 : 2);
                if (commit % 6 == 5) {
                    storage.collectGarbage();
                    storage.compact();
                }
                readers.forEach(storage::checkReader);
            }
            readers.forEach(Snapshot::close);
        }
    }
}
