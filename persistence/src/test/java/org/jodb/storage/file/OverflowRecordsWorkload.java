package org.jodb.storage.file;

/**
 * Records of 1 to 20 KiB in 4 KiB pages, most of them overflow extents of several pages, rewritten
 * so freed extents are reused: {@value #COMMITS} commits.
 */
final class OverflowRecordsWorkload implements PowerCutWorkload {
    private static final int COMMITS = 16;

    @Override
    public String name() {
        return "overflow-records";
    }

    @Override
    public FileStorageOptions options() {
        return FileStorageOptions.defaults().withPageSize(4096).withNodeCacheBytes(0);
    }

    @Override
    public void run(RecordingDisk disk, ExpectedRevisions expected, FileStorageOptions options, long seed) {
        RandomChanges large = new RandomChanges(23 * seed, 1 << 10, 20 << 10);
        try (TrackedStorage storage = TrackedStorage.open(disk, options, expected)) {
            for (int commit = 0; commit < COMMITS; commit++) {
                large.commit(storage, commit < 8 ? 2 : 0, 2, commit % 4 == 3 ? 1 : 0);
            }
        }
    }
}
