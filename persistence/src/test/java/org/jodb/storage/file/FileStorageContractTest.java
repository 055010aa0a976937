package org.jodb.storage.file;

import java.nio.file.Path;
import org.jodb.storage.Storage;
import org.jodb.storage.StorageContractTest;
import org.jodb.storage.StorageStats;
import org.junit.jupiter.api.io.TempDir;

class FileStorageContractTest extends StorageContractTest {
    @TempDir
    Path dir;
    private int files;

    @Override
    protected Storage create(int keepRevisions) {
        return open(FileStorageOptions.defaults().keepRevisions(keepRevisions));
    }

    @Override
    protected Storage createWithChangeLog(int revisions) {
        return open(FileStorageOptions.defaults().withChangeLogRevisions(revisions));
    }

    private Storage open(FileStorageOptions options) {
        return FileStorage.open(dir.resolve("contract-" + files++ + ".jodb"), options.withSync(false));
    }

    @Override
    protected long supersededHeld(StorageStats stats) {
        return ((FileStorageStats) stats).pendingPages();
    }
}
