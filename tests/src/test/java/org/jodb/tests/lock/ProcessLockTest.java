package org.jodb.tests.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jodb.tests.JavaCommand;
import java.util.concurrent.TimeUnit;
import org.jodb.JodbException;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.file.FileStorage;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The file lock keeps other processes out for as long as a {@link FileStorage} owns the file, also
 * after a second open in the owner's JVM was refused. POSIX drops every lock a process holds on a
 * file when it closes any descriptor of that file, so a refused opener that opened (and closed) a
 * descriptor of its own would unlock the owner's file for everyone.
 */
class ProcessLockTest {
    /** Only a guard against a hung child; the child normally ends within a second or two. */
    private static final long CHILD_TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    /**
     * {@code secondPath} names how the refused second open reaches the file: the same path, a hard
     * link or a symbolic link.
     */
    @ParameterizedTest
    @ValueSource(strings = {"same path", "hard link", "symbolic link"})
    void aRefusedSecondOpenInTheOwnersJvmKeepsOtherProcessesOut(String secondPath) throws Exception {
        Path file = dir.resolve("owned.jodb");
        try (FileStorage owner = FileStorage.open(file)) {
            long oid = owner.newOid();
            assertEquals(1, commit(owner, oid, 0, "first"));
            Path alias = switch (secondPath) {
                case "same path" -> file;
                case "hard link" -> Files.createLink(dir.resolve("hard-link.jodb"), file);
                case "symbolic link" -> Files.createSymbolicLink(dir.resolve("symbolic-link.jodb"), file);
                default -> throw new IllegalArgumentException(secondPath);
            };
            JodbException refused = assertThrows(JodbException.class, () -> FileStorage.open(alias));
            assertTrue(refused.getMessage().contains(alias.toString())
                    && refused.getMessage().contains("already open"), refused.getMessage());

            String child = runChild(file);
            assertTrue(child.startsWith("refused ") && child.contains(file.toString()),
                    "another process must be refused while the owner holds the file: " + child);
            assertEquals(2, commit(owner, oid, 1, "second"), "the owner keeps writing");
        }
        assertEquals("committed 3", runChild(file), "once the owner closed, another process may open it");
    }

    private static long commit(FileStorage storage, long oid, long baseSerial, String text) {
        return storage.commit(List.of(new RecordWrite(oid, baseSerial, storage.typeId("owner"), new long[0],
                text.getBytes(StandardCharsets.UTF_8))));
    }

    /** Runs {@link WriteFromChild} on {@code file} in a new JVM and returns what it printed. */
    private String runChild(Path file) throws IOException, InterruptedException {
        List<String> command = JavaCommand.running(WriteFromChild.class, file.toString());
        Path output = Files.createTempFile(dir, "child", ".out");
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor();
            throw new AssertionError("the child did not finish: " + Files.readString(output));
        }
        String printed = Files.readString(output).strip();
        assertEquals(0, child.exitValue(), "the child failed: " + printed);
        return printed;
    }
}
