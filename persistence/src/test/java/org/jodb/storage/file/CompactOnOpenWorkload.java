package org.jodb.storage.file;

/**
 * Restarts with compact-on-open: {@value #SESSIONS} sessions of {@value #COMMITS} commits that leave
 * garbage, each collected before the close, so every open compacts (moves pages, truncates) before
 * it returns. The images are checked as left and again after their own compact-on-open.
 */
final class CompactOnOpenWorkload implements PowerCutWorkload {
    private static final int SESSIONS = 3;
    private static final int COMMITS = 6;

    @Override
    public String name() {
        return "compact-on-open";
    }

    @Override
    public FileStorageOptions options() {
        return FileStorageOptions.defaults().withPageSize(1024).withNodeCacheBytes(0).compactOnOpen(true);
    }

    @Override
    public void run(RecordingDisk disk, ExpectedRevisions expected, FileStorageOptions options, long seed) {
        RandomChanges changes = new RandomChanges(41 * seed, 50, 2 << 10);
        for (int session = 0; session < SESSIONS; session++) {
            try (TrackedStorage storage = TrackedStorage.open(disk, options, expected)) {
                for (int commit = 0; commit < COMMITS; commit++) {
                    changes.commit(storage, 3, 1, session == 0 && commit < 2 ? 0 : 3);
                }
                storage.collectGarbage();
            }
        }
    }
}
