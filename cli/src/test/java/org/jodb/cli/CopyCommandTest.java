package org.jodb.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.cli.sample.SampleFiles;
import org.jodb.cli.sample.Shipment;
import org.jodb.storage.Record;
import org.jodb.storage.Snapshot;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jodb copy}: a smaller file that verifies and holds the same objects; the source untouched. */
class CopyCommandTest {
    @TempDir
    Path dir;

    /** The sample, grown by many commits that leave free and pending pages behind. */
    private Path churned() {
        Path file = SampleFiles.sample(dir.resolve("source.jodb"), 300);
        try (Database db = Database.open(FileStorage.open(file, FileStorageOptions.defaults().withSync(false)),
                DatabaseOptions.defaults())) {
            for (int i = 0; i < 20; i++) {
                int round = i;
                db.transact(c -> {
                    for (Shipment s = (Shipment) c.root().get("first"); s != null; s = s.next()) {
                        if (s.weight() % 20 == round) {
                            s.send("round " + round);
                        }
                    }
                });
            }
        }
        return file;
    }

    @Test
    void copyOfTheNewestRevisionIsSmallerVerifiesAndHoldsTheSameObjects() throws Exception {
        Path source = churned();
        byte[] before = Files.readAllBytes(source);
        Path target = dir.resolve("copy.jodb");
        CommandRun run = CommandRun.of("copy", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("copied           302 objects, 1 revision (source revision "), run::toString);
        assertTrue(run.out().contains("\nverified         "), run::toString);
        assertTrue(Files.size(target) < Files.size(source), () -> Files.exists(target) + " " + run);
        assertArrayEquals(before, Files.readAllBytes(source), "the source is only read");
        assertEquals(0, CommandRun.of("verify", target.toString()).exitCode());
        assertSameObjects(source, target);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file is left");
        }
    }

    @Test
    void copyOfAllRevisionsKeepsEachObjectsVersions() {
        Path source = SampleFiles.sample(dir.resolve("source.jodb"), 5);
        Path target = dir.resolve("copy.jodb");
        CommandRun run = CommandRun.of("copy", "--all-revisions", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertSameObjects(source, target);
        String s2 = CommandRun.of("dump", source.toString()).oidOfRecordWith("id = \"s2\"");
        CommandRun history = CommandRun.of("history", target.toString(), s2);
        assertTrue(history.out().contains(": 3 retained versions\n"), history::toString);
        // the copy's revisions are numbered from 1 like the source's here: each source revision
        // from 1 on changed objects, so each became one revision of the copy
        CommandRun older = CommandRun.of("dump", target.toString(), "--oid", s2, "--revision", "3");
        assertTrue(older.out().contains("\n  notes = [\"picked up\"]\n"), older::toString);
    }

    @Test
    void anExistingTargetIsRefusedAndKept() throws Exception {
        Path source = SampleFiles.sample(dir.resolve("source.jodb"), 2);
        Path target = Files.writeString(dir.resolve("copy.jodb"), "precious");
        CommandRun run = CommandRun.of("copy", source.toString(), target.toString());
        assertEquals(ExitCode.NO_FILE.code, run.exitCode(), run::toString);
        assertEquals("precious", Files.readString(target));
    }

    /** Both files' newest revisions hold the same records: oid, layout, references and payload. */
    static void assertSameObjects(Path expected, Path actual) {
        try (FileStorage a = FileStorage.open(expected); FileStorage b = FileStorage.open(actual);
                Snapshot sa = a.openSnapshot(); Snapshot sb = b.openSnapshot()) {
            assertEquals(a.recordCount(sa), b.recordCount(sb));
            a.forEachRecord(sa, record -> {
                Record copy = sb.load(record.oid());
                assertNotNull(copy, () -> Record.hex(record.oid()) + " missing");
                assertEquals(record.classId(), copy.classId());
                assertArrayEquals(record.references(), copy.references());
                assertArrayEquals(record.payload(), copy.payload());
            });
        }
    }
}
