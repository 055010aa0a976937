package org.jodb.storage.memory;

import org.jodb.storage.Storage;
import org.jodb.storage.StorageContractTest;

class MemoryStorageContractTest extends StorageContractTest {
    @Override
    protected Storage create(int keepRevisions) {
        return new MemoryStorage(MemoryStorage.DEFAULT_CHANGE_LOG_REVISIONS, keepRevisions);
    }
}
