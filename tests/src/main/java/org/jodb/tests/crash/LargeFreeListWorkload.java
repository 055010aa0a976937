package org.jodb.tests.crash;

import org.jodb.storage.file.FileStorageOptions;

/**
 * {@link GarbageCompactionWorkload} with a large free list: 1 KiB pages and {@value #SCRATCH_PAGES}
 * one-page scratch objects per transaction (300 to 900 bytes, each in an overflow page), so each
 * collection frees about 14,000 pages, more than the 7,936 one free-map chunk covers, and the
 * commits after it rewrite chunks of a free map spanning several; the reader pinned through the
 * maintenance makes those pages free on the disk (no pin survives a restart) before they are in
 * memory.
 */
public final class LargeFreeListWorkload extends GarbageCompactionWorkload {
    static final int SCRATCH_PAGES = 2_000;

    public LargeFreeListWorkload() {
        super(SCRATCH_PAGES, new CommitPlan(SCRATCH_PAGES, 1, random -> random.nextInt(300, 900)),
                FileStorageOptions.defaults().withPageSize(1024));
    }
}
