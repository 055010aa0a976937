package org.jodb.storage.memory;

import org.jodb.storage.Storage;
import org.jodb.storage.StorageConcurrencyContractTest;
import org.jodb.storage.StorageStats;

class MemoryStorageConcurrencyTest extends StorageConcurrencyContractTest {
    @Override
    protected Storage create() {
        return new MemoryStorage();
    }

    @Override
    protected long supersededHeld(StorageStats stats) {
        return ((MemoryStorageStats) stats).pendingVersions();
    }
}
