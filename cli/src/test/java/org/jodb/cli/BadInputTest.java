package org.jodb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jodb.cli.sample.SampleFiles;
import org.jodb.storage.file.FileStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input: each a one-line error on standard error naming what is wrong, nothing on standard
 * output, a distinct exit code, and a stack trace only with {@code --verbose}; the file untouched.
 */
class BadInputTest {
    @TempDir
    Path dir;

    private static void assertOneLineError(CommandRun run, ExitCode expected, String mentions) {
        assertEquals(expected.code, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertTrue(run.err().endsWith("\n") && run.err().indexOf('\n') == run.err().length() - 1,
                () -> "not one line:\n" + run);
        assertTrue(run.err().contains(mentions), run::toString);
        assertFalse(run.err().contains("\tat "), run::toString);
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("missing.jodb");
        assertOneLineError(CommandRun.of("info", missing.toString()), ExitCode.NO_FILE, missing + ": no such file");
        assertFalse(Files.exists(missing), "a read command must not create the file");
    }

    @Test
    void notAJodbFile() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a database\n".repeat(400));
        assertOneLineError(CommandRun.of("verify", text.toString()), ExitCode.NOT_JODB, "is not a jodb storage file");
        assertEquals("not a database\n".repeat(400), Files.readString(text));
    }

    @Test
    void emptyFileIsNotInitialized() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jodb"));
        assertOneLineError(CommandRun.of("stats", empty.toString()), ExitCode.NOT_JODB, "(it is empty)");
        assertEquals(0, Files.size(empty));
    }

    @Test
    void newerFormat() throws Exception {
        Path file = SampleFiles.sample(dir.resolve("sample.jodb"), 2);
        SampleFiles.setFormatVersion(file, 99);
        assertOneLineError(CommandRun.of("info", file.toString()), ExitCode.NEWER_FORMAT,
                "written in storage format version 99, newer than this jodb supports");
    }

    @Test
    void aPageDamagedWhereOpeningReadsIsNamed() throws Exception {
        Path file = SampleFiles.sample(dir.resolve("sample.jodb"), 2);
        long page = SampleFiles.damageCatalog(file);
        assertOneLineError(CommandRun.of("verify", file.toString()), ExitCode.DAMAGED,
                file + ": page " + page + " is corrupt: checksum mismatch");
    }

    @Test
    void aTruncatedFileIsDamaged() throws Exception {
        Path file = SampleFiles.sample(dir.resolve("sample.jodb"), 2);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(3 * 4096); // the meta pages and one more: no revision is whole
        }
        assertOneLineError(CommandRun.of("info", file.toString()), ExitCode.DAMAGED, file + " is truncated: ");
    }

    @Test
    void aFileCutInsideItsNewestCommitOpensThePreviousRevisionAndSaysSo() throws Exception {
        Path file = SampleFiles.sample(dir.resolve("sample.jodb"), 2);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 4096); // a page the newest commit wrote
        }
        CommandRun info = CommandRun.of("info", file.toString());
        assertEquals(0, info.exitCode(), info::toString);
        assertTrue(info.out().contains("revision         4, "), info::toString);
        assertTrue(info.out().contains("not opened       revision 5 is incomplete: "), info::toString);
        CommandRun verify = CommandRun.of("verify", file.toString());
        assertEquals(1, verify.exitCode(), verify::toString);
        assertTrue(verify.out().contains("revision 4, opened instead, is sound: "), verify::toString);
    }

    @Test
    void lockedFileSaysSo() {
        Path file = SampleFiles.sample(dir.resolve("sample.jodb"), 2);
        try (FileStorage holder = FileStorage.open(file)) {
            assertEquals(5, holder.lastRevision(), "this JVM holds the lock");
            assertOneLineError(CommandRun.of("dump", file.toString()), ExitCode.LOCKED, file + " is locked by ");
        }
        assertEquals(0, CommandRun.of("verify", file.toString()).exitCode(), "free again once closed");
    }

    @Test
    void unknownOidAndRevision() {
        Path file = SampleFiles.sample(dir.resolve("sample.jodb"), 2);
        assertOneLineError(CommandRun.of("dump", file.toString(), "--oid", "0x99"), ExitCode.NOT_FOUND,
                "no object 0x99 in revision ");
        assertOneLineError(CommandRun.of("history", file.toString(), "153"), ExitCode.NOT_FOUND,
                "no retained revision holds oid 0x99");
        assertOneLineError(CommandRun.of("dump", file.toString(), "--revision", "77"), ExitCode.NOT_FOUND,
                "revision 77 is not retained");
    }

    @Test
    void malformedArgumentsAreUsageErrors() {
        Path file = SampleFiles.sample(dir.resolve("sample.jodb"), 2);
        CommandRun run = CommandRun.of("history", file.toString(), "xyz");
        assertEquals(ExitCode.USAGE.code, run.exitCode(), run::toString);
        assertTrue(run.err().contains("'xyz' is not an oid"), run::toString);
        assertEquals(1, run.err().split("\n").length, run::toString);
        assertEquals(ExitCode.USAGE.code, CommandRun.of("frobnicate").exitCode());
        assertEquals(ExitCode.USAGE.code, CommandRun.of().exitCode());
    }

    @Test
    void verboseAddsTheStackTrace() {
        Path file = SampleFiles.sample(dir.resolve("sample.jodb"), 2);
        try (FileStorage holder = FileStorage.open(file)) {
            assertEquals(5, holder.lastRevision(), "this JVM holds the lock");
            CommandRun run = CommandRun.of("info", "--verbose", file.toString());
            assertEquals(ExitCode.LOCKED.code, run.exitCode(), run::toString);
            assertTrue(run.err().contains("\tat org.jodb."), run::toString);
        }
    }
}
