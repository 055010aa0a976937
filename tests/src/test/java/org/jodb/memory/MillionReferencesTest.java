package org.jodb.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;
import org.jodb.tests.JavaCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM with {@code -Xmx256m} and default options loads a persistent array of
 * {@code jodb.test.millionCount} references (1,000,000 from the build) to small objects and reads
 * every object once, a savepoint every 10,000 ({@link MillionReferences}): it completes, every
 * object reads right, the cache keeps its target, and the bytes per ghost and per loaded object
 * are printed.
 */
class MillionReferencesTest {
    static final int DEFAULT_COUNT = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void aMillionReferencesLoadAndReadInA256MiBHeap() throws IOException, InterruptedException {
        int count = Integer.getInteger("jodb.test.millionCount", DEFAULT_COUNT);
        Path file = dir.resolve("million.jodb");
        store(file, count);
        List<String> command = JavaCommand.running(MillionReferences.class, file.toString());
        command.add(1, "-Xmx256m");
        Path output = dir.resolve("child.out");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(child.waitFor(10, TimeUnit.MINUTES), "the child finishes");
        String printed = Files.readString(output);
        System.out.print(printed);
        assertEquals(0, child.exitValue(), printed);
        assertTrue(printed.contains("[million] completed"), printed);
    }

    /** The name of element {@code i}. */
    static String nameOf(int i) {
        return "object-" + i;
    }

    /** Stores the array in one transaction, each element referring to the one before it. */
    private static void store(Path file, int count) {
        try (Database db = Database.open(FileStorage.open(file, FileStorageOptions.defaults().withSync(false)),
                DatabaseOptions.defaults()); Connection conn = db.open()) {
            SmallObject[] items = new SmallObject[count];
            for (int i = 0; i < count; i++) {
                items[i] = new SmallObject(nameOf(i), i, i == 0 ? null : items[i - 1]);
            }
            conn.root().put(MillionReferences.KEY, new ReferenceArray(items));
            conn.commit();
        }
    }
}
