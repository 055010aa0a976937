package org.jodb.storage.file;

/** Small records in 1 KiB pages, so commits split leaves and branches: {@value #COMMITS} commits. */
final class SmallRecordsWorkload implements PowerCutWorkload {
    private static final int COMMITS = 30;

    @Override
    public String name() {
        return "small-records";
    }

    @Override
    public FileStorageOptions options() {
        return FileStorageOptions.defaults().withPageSize(1024).withNodeCacheBytes(0);
    }

    @Override
    public void run(RecordingDisk disk, ExpectedRevisions expected, FileStorageOptions options, long seed) {
        RandomChanges changes = new RandomChanges(11 * seed, 20, 200);
        try (TrackedStorage storage = TrackedStorage.open(disk, options, expected)) {
            for (int commit = 0; commit < COMMITS; commit++) {
                changes.commit(storage, commit < 20 ? 4 : 1, 3, commit % 5 == 4 ? 2 : 0);
            }
        }
    }
}
