package org.jodb.changes;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The tests of tracked collections: each starts with a new {@link TrackedHolderFile}. */
abstract class WithTrackedHolder {
    @TempDir
    Path directory;
    TrackedHolderFile file;

    @BeforeEach
    void storeTheHolder() {
        file = new TrackedHolderFile(directory);
    }
}
