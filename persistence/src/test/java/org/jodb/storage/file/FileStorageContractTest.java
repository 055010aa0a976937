package org.jodb.storage.file;

import java.nio.file.Path;
import org.jodb.storage.Storage;
import org.jodb.storage.StorageContractTest;
import org.junit.jupiter.api.io.TempDir;

class FileStorageContractTest extends StorageContractTest {
    @TempDir
    Path dir;
    private int files;

    @Override
    protected Storage create(int keepRevisions) {
        return FileStorage.open(dir.resolve("contract-" + files++ + ".jodb"),
                FileStorageOptions.defaults().keepRevisions(keepRevisions).withSync(false));
    }
}
