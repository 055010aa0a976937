package org.jodb.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.jodb.cli.sample.SampleFiles;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Snapshot;
import org.jodb.storage.Storage;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;
import org.jodb.storage.file.VerifyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command in a child process, as an operator runs it: the {@code jodb} launcher at the
 * repository root and {@code java -jar} on the shaded jar (which holds none of the tests' classes).
 * Runs after {@code package} (the cli pom's end-to-end execution), on the running JDK.
 */
class JodbEndToEndTest {
    private static final Path JAR = Path.of(System.getProperty("jodb.cli.jar", "target/jodb-cli.jar"));
    /** Objects of the file that gc and compact are interrupted on: a few seconds of work for each. */
    private static final int LARGE = 200_000;
    private static final Path LAUNCHER = Path.of(System.getProperty("jodb.launcher", "../jodb"));

    @TempDir
    Path dir;

    /** A finished child process: exit code and output. */
    private record Finished(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Finished launcher(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return finish(builder);
    }

    private Finished jar(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dkryo.unsafe=false", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return finish(new ProcessBuilder(command));
    }

    private Finished finish(ProcessBuilder builder) throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not end");
        }
        return new Finished(process.exitValue(), read(out), read(err));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void theLauncherRunsTheCommandWithItsFlags() throws Exception {
        Path file = SampleFiles.sample(dir.resolve("sample.jodb"), 3);
        Finished info = launcher("info", file.toString());
        assertEquals(0, info.exitCode(), info::toString);
        assertTrue(info.out().contains("format version   3\n"), info::toString);
        assertTrue(info.out().contains("objects          5\n"), info::toString);
        assertEquals("", info.err(), "nothing but the command's output, on any JDK");
        Finished missing = launcher("verify", dir.resolve("missing.jodb").toString());
        assertEquals(ExitCode.NO_FILE.code, missing.exitCode(), missing::toString);
        assertEquals("jodb verify: " + dir.resolve("missing.jodb") + ": no such file\n", missing.err());
    }

    @Test
    void dumpDecodesAClassThatIsNotOnTheClassPath() throws Exception {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            assertTrue(jar.getEntry("org/jodb/cli/JodbCommand.class") != null);
            assertEquals(null, jar.getEntry("org/jodb/cli/sample/Shipment.class"), "the jar holds no sample class");
        }
        Path file = SampleFiles.sample(dir.resolve("sample.jodb"), 3);
        Finished dump = jar("dump", file.toString());
        assertEquals(0, dump.exitCode(), dump::toString);
        assertTrue(dump.out().contains("  org.jodb.cli.sample.Shipment  serial 5  "), dump::toString);
        assertTrue(dump.out().contains("\n  to = org.jodb.cli.sample.Address{city=\"Lyon\", zip=69002}\n"), dump::toString);
        assertTrue(dump.out().contains("\n  status = org.jodb.cli.sample.Status.SENT\n"), dump::toString);
        assertTrue(dump.out().contains("\n  notes = [\"picked up\", \"delivered\"]\n"), dump::toString);
        assertEquals("", dump.err());
    }

    @Test
    void verifyOfAFlippedByteExitsOneNamingThePage() throws Exception {
        // A leaf no later commit rewrote: damage there is in the revision the open takes (a page the
        // newest commit wrote would make it take the previous one, as after a power cut).
        Path file = SampleFiles.halfGarbage(dir.resolve("appended.jodb"), 30_000);
        List<Long> pages = SampleFiles.damageOldestLeaves(file);
        Finished verify = jar("verify", file.toString());
        assertEquals(ExitCode.DAMAGED.code, verify.exitCode(), verify::toString);
        assertTrue(verify.out().startsWith("DAMAGED: "), verify::toString);
        assertTrue(pages.stream().anyMatch(page -> verify.out().contains(
                "  page " + page + ": checksum mismatch; holds the records of oids 0x")), verify::toString);
    }

    @Test
    void ctrlCDuringACopyLeavesNoTargetAndTheSourceIntact() throws Exception {
        Path source = dir.resolve("large.jodb");
        try (FileStorage storage = FileStorage.open(source, FileStorageOptions.defaults().withSync(false))) {
            int layout = storage.typeId("layout:example.Blob{bytes:L}");
            byte[] payload = new byte[200];
            for (int batch = 0; batch < 20; batch++) {
                List<RecordWrite> writes = new ArrayList<>();
                for (int i = 0; i < 5_000; i++) {
                    writes.add(new RecordWrite(storage.newOid(), 0, layout, new long[0], payload));
                }
                storage.commit(writes);
            }
        }
        byte[] before = Files.readAllBytes(source);
        Path target = dir.resolve("copy.jodb");
        Process copy = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dkryo.unsafe=false", "-jar", JAR.toString(), "copy", source.toString(), target.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("copy.log").toFile()).start();
        Path temporary = null;
        for (int i = 0; i < 6_000 && temporary == null && copy.isAlive(); i++) {
            try (Stream<Path> files = Files.list(dir)) {
                temporary = files.filter(f -> f.getFileName().toString().endsWith(".copying")).findFirst().orElse(null);
            }
            Thread.sleep(10);
        }
        assertTrue(temporary != null, "the copy started");
        new ProcessBuilder("kill", "-INT", Long.toString(copy.pid())).start().waitFor();
        assertTrue(copy.waitFor(1, TimeUnit.MINUTES));
        assertEquals(ExitCode.INTERRUPTED.code, copy.exitValue(), () -> "copy.log: " + readQuietly(dir.resolve("copy.log")));
        assertFalse(Files.exists(target), "no target");
        assertFalse(Files.exists(temporary), "no temporary file");
        assertArrayEquals(before, Files.readAllBytes(source), "the source is only read");
    }

    @Test
    void verifyDrawsAProgressBarOnATerminalAndPlainLinesInALog() throws Exception {
        Path file = SampleFiles.sample(dir.resolve("sample.jodb"), 3);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String verify = "'" + java + "' -Dkryo.unsafe=false -Djodb.progress.seconds=0 -jar '" + JAR + "' verify '" + file + "'";
        // util-linux script runs the command on a pseudo-terminal, as an operator's shell does
        Finished terminal = finish(new ProcessBuilder("script", "-qfec", verify, "/dev/null"));
        assertEquals(0, terminal.exitCode(), terminal::toString);
        assertTrue(terminal.out().contains("\rverify: verifying pages 100% ["), terminal::toString);
        assertTrue(terminal.out().contains("\r\033[Ksound: " + file), "cleared before the result: " + terminal);
        assertFalse(terminal.out().contains("WARNING"), "no JVM warning (JLine's native terminal is left out): " + terminal);
        Finished log = finish(new ProcessBuilder(java, "-Dkryo.unsafe=false", "-Djodb.progress.seconds=0", "-jar",
                JAR.toString(), "verify", file.toString()));
        assertEquals(0, log.exitCode(), log::toString);
        assertTrue(log.err().contains("verify: verifying pages "), log::toString);
        assertFalse(log.err().contains("["), "no bar in a log: " + log);
    }

    @Test
    void ctrlCDuringGcLeavesTheFileIntact() throws Exception {
        Path file = SampleFiles.halfGarbage(dir.resolve("large.jodb"), LARGE);
        long removed = interruptAndCheck(file, "gc", "gc: removing objects ");
        assertTrue(removed < LARGE / 2, "interrupted before it removed every unreachable object: " + removed);
    }

    @Test
    void ctrlCDuringCompactLeavesTheFileIntact() throws Exception {
        Path file = SampleFiles.halfGarbage(dir.resolve("large.jodb"), LARGE);
        try (FileStorage storage = FileStorage.open(file, FileStorageOptions.defaults().withSync(false))) {
            storage.collectGarbage(); // leaves holes all over the file for compaction to fill
        }
        interruptAndCheck(file, "compact", "compact: ");
    }

    /**
     * Runs {@code command} on {@code file} with progress lines every 50 ms, sends it SIGINT (Ctrl-C)
     * once it prints a line starting with {@code busy}, and checks that it exits with 130 and leaves
     * a file that verifies and holds every live object; returns how many unreachable ones are gone.
     */
    private long interruptAndCheck(Path file, String command, String busy) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dkryo.unsafe=false", "-Djodb.progress.seconds=0.05", "-jar", JAR.toString(), command, file.toString())
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        StringBuilder err = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                err.append(line).append('\n');
                if (line.startsWith(busy)) {
                    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
                    break;
                }
            }
            assertTrue(process.waitFor(1, TimeUnit.MINUTES));
            lines.lines().forEach(line -> err.append(line).append('\n'));
        }
        String output = "err:\n" + err + "out:\n" + read(dir.resolve("out.txt"));
        assertEquals(ExitCode.INTERRUPTED.code, process.exitValue(), output);
        assertTrue(err.toString().contains(busy), output);
        assertFalse(read(dir.resolve("out.txt")).contains("file size"), "it did not finish: " + output);
        try (FileStorage storage = FileStorage.open(file); Snapshot snapshot = storage.openSnapshot()) {
            VerifyResult verified = storage.verify();
            long[] live = snapshot.load(Storage.ROOT_OID).references();
            assertEquals(LARGE / 2, live.length);
            for (long oid : live) {
                assertEquals(100, snapshot.load(oid).payload().length, "live object " + oid);
            }
            return LARGE + 1 - verified.records();
        }
    }

    private static String readQuietly(Path file) {
        try {
            return read(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void theReadingCommandsReadAFileAnotherProcessHoldsAndGcIsRefusedNamingIt() throws Exception {
        Path file = SampleFiles.sample(dir.resolve("sample.jodb"), 3);
        try (FileStorage held = FileStorage.open(file)) {
            assertEquals(5, held.lastRevision(), "this JVM holds the lock");
            String note = file + " is open in process " + ProcessHandle.current().pid() + " (";
            String readOnly = ": reading its newest durable revision, 5, read-only\n";
            for (String[] command : List.of(new String[] {"info", file.toString()}, new String[] {"verify", file.toString()},
                    new String[] {"stats", file.toString()}, new String[] {"dump", "--oid", "1", file.toString()},
                    new String[] {"history", file.toString(), "1"})) {
                Finished reading = jar(command);
                assertEquals(0, reading.exitCode(), reading::toString);
                assertTrue(reading.err().startsWith("jodb " + command[0] + ": " + note), reading::toString);
                assertTrue(reading.err().endsWith(readOnly), reading::toString);
                assertEquals(1, reading.err().split("\n").length, reading::toString);
            }
            assertTrue(jar("verify", file.toString()).out().startsWith("sound: " + file + ", revision 5: "));
            Finished gc = jar("gc", file.toString());
            assertEquals(ExitCode.LOCKED.code, gc.exitCode(), gc::toString);
            assertTrue(gc.err().startsWith("jodb gc: " + file + " is locked by process "
                    + ProcessHandle.current().pid() + " ("), gc::toString);
            assertFalse(gc.err().contains("\tat "), gc::toString);
            assertEquals("", gc.out());
            assertEquals(5, held.lastRevision());
            assertEquals(5, held.verify().revision(), "the holder's file is untouched");
        }
    }
}
