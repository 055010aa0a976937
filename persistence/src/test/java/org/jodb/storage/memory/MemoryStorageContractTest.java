package org.jodb.storage.memory;

import org.jodb.storage.Storage;
import org.jodb.storage.StorageContractTest;
import org.jodb.storage.StorageStats;

class MemoryStorageContractTest extends StorageContractTest {
    @Override
    protected Storage create(int keepRevisions) {
        return new MemoryStorage(MemoryStorage.DEFAULT_CHANGE_LOG_REVISIONS, keepRevisions);
    }

    @Override
    protected Storage createWithChangeLog(int revisions) {
        return new MemoryStorage(revisions, 1);
    }

    @Override
    protected long supersededHeld(StorageStats stats) {
        return ((MemoryStorageStats) stats).pendingVersions();
    }
}
