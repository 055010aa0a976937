package org.jodb.storage.file;

import java.nio.file.Path;
import org.jodb.storage.Storage;
import org.jodb.storage.StorageConcurrencyContractTest;
import org.jodb.storage.StorageStats;
import org.junit.jupiter.api.io.TempDir;

class FileStorageConcurrencyTest extends StorageConcurrencyContractTest {
    @TempDir
    Path dir;

    @Override
    protected Storage create() {
        return FileStorage.open(dir.resolve("concurrency.jodb"), FileStorageOptions.defaults().withSync(false));
    }

    @Override
    protected long supersededHeld(StorageStats stats) {
        return ((FileStorageStats) stats).pendingPages();
    }
}
