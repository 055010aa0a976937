package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating a storage file syncs its directory, so the new file's entry survives a power cut. */
class FileCreationTest {
    @TempDir
    Path dir;

    @Test
    void creatingAFileSyncsItsDirectoryAndReopeningDoesNot() {
        Path file = dir.resolve("new.jodb");
        long before = ParentDirectory.forceCalls();
        FileStorage.open(file, FileStorageOptions.defaults().withSync(false)).close();
        assertEquals(before + 1, ParentDirectory.forceCalls(), "creation syncs the directory, even without sync");
        FileStorage.open(file).close();
        assertEquals(before + 1, ParentDirectory.forceCalls(), "opening an existing file creates no entry");
    }
}
