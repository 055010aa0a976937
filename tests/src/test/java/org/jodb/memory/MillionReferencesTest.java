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
import org.jodb.cache.ClassFootprint;
import org.jodb.cache.HeapProfile;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;
import org.jodb.tests.JavaCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM with a small heap and default options loads a persistent array of references to small
 * objects and reads every object once, a savepoint every 10,000 ({@link MillionReferences}): it
 * completes, every object reads right and the cache keeps its target. Before it, this JVM prints
 * what a ghost and a loaded object of the array cost, measured with JOL ({@link HeapProfile}) at
 * the same count. The build runs 250,000 objects in a 64 MiB heap ({@code jodb.test.millionCount},
 * {@code jodb.test.millionHeap}); {@code -Psoak} runs 1,000,000 in 256 MiB. With the record cache
 * at its former fixed 64 MiB (and the node cache at least 16 MiB), the child runs out of memory.
 */
class MillionReferencesTest {
    /** Without the build's properties: the full size. */
    static final int DEFAULT_COUNT = 1_000_000;
    static final String DEFAULT_HEAP = "256m";

    @TempDir
    Path dir;

    @Test
    void everyObjectOfALargeReferenceArrayReadsInASmallHeapWithDefaults() throws IOException, InterruptedException {
        int count = Integer.getInteger("jodb.test.millionCount", DEFAULT_COUNT);
        String heap = System.getProperty("jodb.test.millionHeap", DEFAULT_HEAP);
        Path file = dir.resolve("million.jodb");
        store(file, count);
        printBytesPerObject(file);
        List<String> command = JavaCommand.running(MillionReferences.class, file.toString());
        command.add(1, "-Xmx" + heap);
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
        try (Database db = Database.open(FileStorage.open(file, FileStorageOptions.defaults().withSync(false)));
             Connection conn = db.open()) {
            SmallObject[] items = new SmallObject[count];
            for (int i = 0; i < count; i++) {
                items[i] = new SmallObject(nameOf(i), i, i == 0 ? null : items[i - 1]);
            }
            conn.root().put(MillionReferences.KEY, new ReferenceArray(items));
            conn.commit();
        }
    }

    /**
     * Prints the JOL-measured bytes of a ghost (the object, its identity-map entry and its share of
     * the map's table; every element a ghost, the array held here) and of a loaded object (the
     * first 10,000 elements loaded: a ghost and its state).
     */
    private static void printBytesPerObject(Path file) {
        int loadedCount = 10_000;
        try (Database db = Database.open(file, DatabaseOptions.defaults().withCacheTargetCount(2 * loadedCount));
             Connection conn = db.open()) {
            SmallObject[] items = ((ReferenceArray) conn.root().get(MillionReferences.KEY)).items();
            conn.minimize();
            HeapProfile ghosts = HeapProfile.of(conn);
            long ghostCount = ghosts.count(SmallObject.class);
            assertTrue(ghostCount >= items.length, ghostCount + " ghosts for " + items.length + " elements");
            double perGhost = (double) ghosts.totalBytes() / ghostCount;
            long sum = 0;
            for (int i = 0; i < loadedCount; i++) {
                sum += items[i].value();
            }
            assertEquals((long) loadedCount * (loadedCount - 1) / 2, sum);
            HeapProfile loaded = HeapProfile.of(conn);
            double state = (double) (loaded.totalBytes() - ghosts.totalBytes()) / loadedCount;
            System.out.printf("[million] JOL, %,d elements: %.1f bytes per ghost (%s), %.1f per loaded object"
                            + " (a ghost and %.1f of state), and 4 per array element%n", items.length, perGhost,
                    breakdown(ghosts, ghostCount), perGhost + state, state);
        }
    }

    /** Bytes per ghost of each class that takes at least 1% of the profile. */
    private static String breakdown(HeapProfile profile, long ghosts) {
        StringBuilder out = new StringBuilder();
        for (ClassFootprint row : profile.classes()) {
            if (row.bytes() * 100 >= profile.totalBytes()) {
                out.append(out.length() == 0 ? "" : ", ").append(row.className().replaceAll(".*[.$]", ""))
                        .append(String.format(" %.1f", (double) row.bytes() / ghosts));
            }
        }
        return out.toString();
    }
}
