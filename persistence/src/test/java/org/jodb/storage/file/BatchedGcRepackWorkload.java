package org.jodb.storage.file;

import org.jodb.storage.GcResult;
import org.jodb.storage.Snapshot;

/**
 * Garbage spread over many leaves, so a collection removes it in several batch revisions, and a
 * compaction that repacks the half-empty leaves; a reader pinned before the collection is checked
 * after it and after the compaction, then closed. A second session opens with compact-on-open,
 * which repacks again after more removals. Every batch and every compaction commit is cut like any
 * other commit; the workload fails if the collection did not batch or the compaction did not pack.
 */
final class BatchedGcRepackWorkload implements PowerCutWorkload {
    private static final int OBJECTS = 300;
    private static final int PER_COMMIT = 60;
    /** Bytes of the largest leaf entry written: entry header, body header, payload up to 60. */
    private static final int LARGEST_ENTRY = 21 + 8 + 60;

    @Override
    public String name() {
        return "batched-gc-and-repack";
    }

    @Override
    public FileStorageOptions options() {
        return FileStorageOptions.defaults().withPageSize(1024).withNodeCacheBytes(0).compactOnOpen(true);
    }

    @Override
    public void run(RecordingDisk disk, ExpectedRevisions expected, FileStorageOptions options, long seed) {
        RandomChanges changes = new RandomChanges(61 * seed, 20, 60);
        try (TrackedStorage storage = TrackedStorage.open(disk, options, expected)) {
            for (int created = 0; created < OBJECTS; created += PER_COMMIT) {
                changes.commit(storage, PER_COMMIT, 0, 0);
            }
            changes.commit(storage, 0, 0, OBJECTS / 2);
            try (Snapshot reader = storage.openSnapshot()) {
                long before = storage.storage().lastRevision();
                GcResult result = storage.collectGarbage();
                if (result.revision() - before < 2) {
                    throw new AssertionError("the collection did not batch: " + result);
                }
                storage.checkReader(reader);
                storage.compact();
                storage.checkReader(reader);
                packed(storage);
                changes.commit(storage, 10, 5, 20);
                storage.checkReader(reader);
            }
            storage.collectGarbage();
        }
        try (TrackedStorage storage = TrackedStorage.open(disk, options, expected)) {
            packed(storage);
            changes.commit(storage, 5, 5, 60);
            storage.collectGarbage();
            storage.compact();
            packed(storage);
        }
    }

    /**
     * Fails unless the tree is packed: every leaf but the last within one entry of full, so the
     * pages are at most what the used bytes need at that fill, plus the last leaf and one branch.
     */
    private static void packed(TrackedStorage storage) {
        FileStorageStats stats = storage.storage().stats();
        long used = Math.round(stats.treeFill() * stats.treePages() * stats.pageSize());
        long packedLeafBytes = stats.pageSize() - Page.HEADER_SIZE - LARGEST_ENTRY;
        long bound = used / packedLeafBytes + 2;
        if (stats.treePages() > bound) {
            throw new AssertionError("the compacted tree has " + stats.treePages() + " pages, packed it needs at most "
                    + bound + ": " + stats);
        }
    }
}
