package org.jodb.tests.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jodb.tests.JavaCommand;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jodb.storage.file.FileStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes create the same storage file at once: the name goes to exactly one new file (a
 * hard link never replaces one), one process owns it and the other is refused by its lock, and no
 * temporary file is left.
 */
class ProcessCreateRaceTest {
    /** Races run; each starts two JVMs, so few. */
    private static final int RACES = 3;

    @TempDir
    Path dir;

    /** The timeout only guards against a hung child; it asserts nothing about speed. */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void twoProcessesCreatingTheSameFileEndWithOneFileAndOneOwner() throws Exception {
        for (int race = 0; race < RACES; race++) {
            Path file = dir.resolve("race-" + race + ".jodb");
            Path start = dir.resolve("start-" + race);
            List<Process> children = List.of(startChild(file, start), startChild(file, start));
            Files.createFile(start);
            List<String> lines = new ArrayList<>();
            for (Process child : children) {
                BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8));
                lines.add(String.valueOf(output.readLine()));
            }
            for (Process child : children) {
                child.getOutputStream().close(); // the owner may close the file now
                assertTrue(child.waitFor(120, TimeUnit.SECONDS), "a child did not finish");
                assertEquals(0, child.exitValue(), () -> "a child failed: " + lines);
            }
            assertEquals(1, lines.stream().filter(line -> line.equals("committed 1")).count(), lines::toString);
            assertEquals(1, lines.stream().filter(line -> line.startsWith("refused ")
                    && line.contains(file.toString()) && line.contains("already open")).count(), lines::toString);
            try (FileStorage storage = FileStorage.open(file)) {
                assertEquals(1, storage.lastRevision(), "the owner's file is the one under the name");
            }
            Files.delete(start);
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> names = entries.map(entry -> entry.getFileName().toString()).sorted().toList();
            assertEquals(List.of("race-0.jodb", "race-1.jodb", "race-2.jodb"), names);
        }
    }

    private static Process startChild(Path file, Path start) throws IOException {
        List<String> command = JavaCommand.running(CreateFromChild.class, file.toString(), start.toString());
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
