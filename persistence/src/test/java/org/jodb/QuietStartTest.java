package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jodb.testmodel.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program using jodb prints nothing it did not ask for: run in a child JVM of the running JDK
 * with none of the project's JVM flags (no JOL, attach, Unsafe or Kryo flags), it stores and loads
 * objects with default options (size calibration on) and its output is exactly its own.
 */
class QuietStartTest {

    /** The program: stores an account, reads it back in a new connection, prints one line. */
    public static final class Program {
        public static void main(String[] args) {
            Path file = Path.of(args[0]);
            try (Database db = Database.open(file)) {
                db.transact(c -> c.root().put("alice", new Account("alice", 100)));
            }
            try (Database db = Database.open(file); Connection c = db.open()) {
                Account alice = (Account) c.root().get("alice");
                System.out.println(alice.owner() + " " + alice.balance());
            }
        }
    }

    @Test
    void aProgramWithoutFlagsPrintsOnlyItsOwnOutput(@TempDir Path dir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Program.class.getName(), dir.resolve("quiet.jodb").toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the program did not end");
        }
        assertEquals("", read(err), "standard error");
        assertEquals(List.of("alice 100"), Files.readAllLines(out), "standard output");
        assertEquals(0, process.exitValue());
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
