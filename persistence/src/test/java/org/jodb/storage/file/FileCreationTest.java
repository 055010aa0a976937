package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jodb.JodbException;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Creating a storage file: it appears under its name only whole (written and forced under a
 * temporary name, then published), its directory is synced, concurrent creators end with one file,
 * and the temporary files a crash leaves behind do no harm and are removed.
 */
class FileCreationTest {
    /** Races run: each is one chance for the two creators to interleave inside creation. */
    private static final int RACES = 50;

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

    @Test
    void creationLeavesOnlyTheFile() throws IOException {
        Path file = dir.resolve("only.jodb");
        try (FileStorage storage = FileStorage.open(file)) {
            assertEquals(0, storage.lastRevision());
        }
        assertEquals(List.of("only.jodb"), names());
    }

    @Test
    void aTemporaryFileLeftByACrashBeforeThePublishIsRemovedByTheCreation() throws IOException {
        Path file = dir.resolve("crashed.jodb");
        Path leftover = dir.resolve("crashed.jodb.creating-0123456789abcdef");
        Files.write(leftover, new byte[] {1, 2, 3}); // a creation cut while writing its meta pages
        try (FileStorage storage = FileStorage.open(file)) {
            assertEquals(0, storage.lastRevision());
        }
        assertEquals(List.of("crashed.jodb"), names());
    }

    /** A crash after the publish but before the temporary name was removed: two names, one file. */
    @Test
    void aTemporaryNameLeftOnThePublishedFileIsRemovedAndTheFileStays() throws IOException {
        Path file = dir.resolve("linked.jodb");
        long oid;
        try (FileStorage storage = FileStorage.open(file)) {
            oid = commitText(storage, "kept");
        }
        Files.createLink(dir.resolve("linked.jodb.creating-00000000000000ff"), file);
        try (FileStorage storage = FileStorage.open(file); Snapshot snapshot = storage.openSnapshot()) {
            assertArrayEquals("kept".getBytes(StandardCharsets.UTF_8), snapshot.load(oid).payload());
        }
        assertEquals(List.of("linked.jodb"), names());
    }

    @Test
    void filesThatOnlyLookLikeTemporaryOnesStay() throws IOException {
        List<String> others = List.of("other.jodb.creating-0123456789abcdef", "x.jodb.creating-0123",
                "x.jodb.creating-0123456789abcdef.bak");
        for (String other : others) {
            Files.write(dir.resolve(other), new byte[] {7});
        }
        FileStorage.open(dir.resolve("x.jodb")).close();
        List<String> expected = new ArrayList<>(others);
        expected.add("x.jodb");
        assertEquals(expected.stream().sorted().toList(), names());
    }

    @Test
    void anExistingEmptyFileIsInitializedInPlace() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.jodb"));
        try (FileStorage storage = FileStorage.open(file)) {
            commitText(storage, "in place");
        }
        try (FileStorage storage = FileStorage.open(file)) {
            assertEquals(1, storage.lastRevision());
        }
    }

    /** An interrupt closes the new file's channel: creation retries, and the interrupt stays set. */
    @Test
    void anInterruptedThreadCreatesTheFileAndKeepsItsInterrupt() throws IOException {
        Path file = dir.resolve("interrupted.jodb");
        Thread.currentThread().interrupt();
        try (FileStorage storage = FileStorage.open(file)) {
            assertTrue(Thread.interrupted(), "the caller's interrupt is restored");
            assertEquals(0, storage.lastRevision());
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of("interrupted.jodb"), names());
    }

    /**
     * Two threads open the same absent file at once, many times over: each race ends with one file,
     * opened by exactly one of them while the other is refused naming it, and no temporary file.
     */
    @Test
    void twoThreadsCreatingTheSameFileEndWithOneFileAndOneOwner() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int race = 0; race < RACES; race++) {
                Path file = dir.resolve("race-" + race + ".jodb");
                CyclicBarrier start = new CyclicBarrier(2);
                Callable<FileStorage> open = () -> {
                    start.await();
                    return FileStorage.open(file);
                };
                List<Future<FileStorage>> opens = List.of(threads.submit(open), threads.submit(open));
                List<FileStorage> opened = new ArrayList<>();
                List<Throwable> refused = new ArrayList<>();
                for (Future<FileStorage> result : opens) {
                    try {
                        opened.add(result.get());
                    } catch (ExecutionException e) {
                        refused.add(e.getCause());
                    }
                }
                try {
                    assertEquals(1, opened.size(), () -> "one owner, the other refused: " + refused);
                    Throwable refusal = refused.get(0);
                    assertTrue(refusal instanceof JodbException && refusal.getMessage().contains(file.toString())
                            && refusal.getMessage().contains("already open"), refusal::toString);
                    commitText(opened.get(0), "owner");
                } finally {
                    opened.forEach(FileStorage::close);
                }
                try (FileStorage reopened = FileStorage.open(file)) {
                    assertEquals(1, reopened.lastRevision(), "the owner's file is the one under the name");
                }
            }
        } finally {
            threads.shutdownNow();
        }
        List<String> names = names();
        assertEquals(RACES, names.size(), names::toString);
        assertTrue(names.stream().allMatch(name -> name.matches("race-\\d+\\.jodb")), names::toString);
    }

    /** A creator whose temporary file an opener removed as a leftover loses to the existing file. */
    @Test
    void aCreatorWhoseTemporaryFileWasRemovedDoesNotPublish() throws IOException {
        Path file = dir.resolve("taken.jodb");
        FileStorage.open(file).close();
        byte[] before = Files.readAllBytes(file);
        FileSystemDirectory directory = new FileSystemDirectory(file);
        NewStorageFile late = directory.createNew();
        try {
            FileStorage.open(file).close(); // removes the late creator's file as a leftover
            assertFalse(late.publish());
        } finally {
            late.discard();
        }
        NewStorageFile rival = directory.createNew();
        try {
            assertFalse(rival.publish(), "a file under the name is never replaced");
        } finally {
            rival.discard();
        }
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of("taken.jodb"), names());
    }

    private static long commitText(FileStorage storage, String text) {
        long oid = storage.newOid();
        storage.commit(List.of(new RecordWrite(oid, 0, storage.typeId("text"), new long[0],
                text.getBytes(StandardCharsets.UTF_8))));
        return oid;
    }

    private List<String> names() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        }
    }
}
