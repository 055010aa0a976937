package org.jodb.storage.file;

/**
 * Objects unlinked by most commits (small and overflow), collected and then compacted every
 * {@value #MAINTENANCE_EVERY} commits: the collection's removal commit and the compaction's moving
 * commits and truncates are cut like any other.
 */
final class GarbageCompactionWorkload implements PowerCutWorkload {
    private static final int COMMITS = 20;
    private static final int MAINTENANCE_EVERY = 5;

    @Override
    public String name() {
        return "gc-and-compaction";
    }

    @Override
    public FileStorageOptions options() {
        return FileStorageOptions.defaults().withPageSize(1024).withNodeCacheBytes(0);
    }

    @Override
    public void run(RecordingDisk disk, ExpectedRevisions expected, FileStorageOptions options, long seed) {
        RandomChanges changes = new RandomChanges(31 * seed, 50, 3 << 10);
        try (TrackedStorage storage = TrackedStorage.open(disk, options, expected)) {
            for (int commit = 0; commit < COMMITS; commit++) {
                changes.commit(storage, 4, 1, commit < 3 ? 0 : 4);
                if (commit % MAINTENANCE_EVERY == MAINTENANCE_EVERY - 1) {
                    storage.collectGarbage();
                    storage.compact();
                }
            }
        }
    }
}
