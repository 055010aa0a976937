package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jodb.JodbException;
import org.jodb.storage.Record;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Snapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FileStorage#openReadOnly} beside a writer in another process ({@link WriterProcess}) that
 * holds the file's lock: it reads the newest durable revision, refuses writes, and tells a revision
 * the writer has reused since from a damaged file.
 */
class FileStorageReadOnlyTest {
    private static final int OBJECTS = 300;

    @TempDir
    Path dir;

    private Process writer;
    private BufferedReader answers;
    private PrintStream commands;

    /** Starts the writer on a new file of {@link #OBJECTS} objects; returns its revision. */
    private long startWriter(Path file) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        writer = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                WriterProcess.class.getName(), file.toString(), Integer.toString(OBJECTS))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        answers = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
        commands = new PrintStream(writer.getOutputStream(), true, StandardCharsets.UTF_8);
        return answer();
    }

    private long rewrite(int commits) throws IOException {
        commands.println("rewrite " + commits);
        return answer();
    }

    private long answer() throws IOException {
        String line = answers.readLine();
        assertTrue(line != null && line.startsWith("revision "), "the writer answers: " + line);
        return Long.parseLong(line.substring("revision ".length()));
    }

    @AfterEach
    void stopWriter() throws InterruptedException {
        if (writer != null) {
            commands.println("exit");
            if (!writer.waitFor(1, TimeUnit.MINUTES)) {
                writer.destroyForcibly();
            }
        }
    }

    @Test
    void readsTheNewestDurableRevisionWhileAnotherProcessHoldsTheLock() throws IOException {
        Path file = dir.resolve("live.jodb");
        startWriter(file);
        long revision = rewrite(2);
        assertThrows(StorageLockedException.class, () -> FileStorage.open(file), "the writer holds the lock");
        try (FileStorage reader = FileStorage.openReadOnly(file, FileStorageOptions.defaults());
                Snapshot snapshot = reader.openSnapshot()) {
            assertTrue(reader.isReadOnly());
            assertEquals(revision, reader.lastRevision());
            assertEquals(OBJECTS, reader.recordCount(snapshot));
            reader.forEachRecord(snapshot, record -> assertArrayEquals(
                    WriterProcess.payload(record.oid(), revision), record.payload(), "object " + record.oid()));
            VerifyResult verified = reader.verify();
            assertEquals(revision, verified.revision());
            assertEquals(OBJECTS, verified.records());
            assertEquals(List.of(revision), reader.retainedRevisions().stream().map(r -> r.revision()).toList());
        }
        assertEquals(revision + 1, rewrite(1), "the writer went on undisturbed");
    }

    @Test
    void writesThroughAReadOnlyStorageFailSayingWhy() throws IOException {
        Path file = dir.resolve("live.jodb");
        startWriter(file);
        try (FileStorage reader = FileStorage.openReadOnly(file, FileStorageOptions.defaults())) {
            int layout = reader.typeId(WriterProcess.LAYOUT);
            List<RecordWrite> write = List.of(new RecordWrite(1, reader.lastRevision(), layout, new long[0], new byte[1]));
            JodbException commit = assertThrows(JodbException.class, () -> reader.commit(write));
            assertEquals("cannot commit: " + file + " is open read-only (FileStorage.openReadOnly, beside the process"
                    + " that writes it); open it with FileStorage.open to write", commit.getMessage());
            assertTrue(assertThrows(JodbException.class, reader::collectGarbage).getMessage()
                    .startsWith("cannot collect garbage: " + file + " is open read-only"));
            assertTrue(assertThrows(JodbException.class, reader::compact).getMessage()
                    .startsWith("cannot compact: " + file + " is open read-only"));
            assertEquals(reader.lastRevision(), reader.commit(List.of()), "an empty commit writes nothing");
        }
    }

    @Test
    void aRevisionTheWriterReusedIsReportedAsOverwrittenNotAsDamage() throws IOException {
        Path file = dir.resolve("live.jodb");
        long opened = startWriter(file);
        try (FileStorage reader = FileStorage.openReadOnly(file, FileStorageOptions.defaults())) {
            long newer = rewrite(4); // one retained revision: the pages of `opened` are written over
            RevisionOverwrittenException load = assertThrows(RevisionOverwrittenException.class, () -> {
                try (Snapshot snapshot = reader.openSnapshot()) {
                    reader.forEachRecord(snapshot, record -> { });
                }
            });
            assertEquals(opened, load.revision());
            assertTrue(load.newerRevision() > opened && load.newerRevision() <= newer, load::getMessage);
            assertTrue(load.getMessage().startsWith(file + ": revision " + opened + " was overwritten while being read"),
                    load::getMessage);
            assertThrows(RevisionOverwrittenException.class, reader::verify);
        }
        try (FileStorage again = FileStorage.openReadOnly(file, FileStorageOptions.defaults());
                Snapshot snapshot = again.openSnapshot()) {
            long revision = again.lastRevision();
            Record record = snapshot.load(7);
            assertArrayEquals(WriterProcess.payload(7, revision), record.payload(), "opened again, it reads on");
        }
    }

    @Test
    void aDamagedPageOfAFileAnotherProcessHoldsIsStillDamage() throws IOException {
        Path file = dir.resolve("live.jodb");
        startWriter(file);
        long root;
        // Opened first: a page of the newest revision damaged before the open would only make the
        // open fall back to the previous revision (CommitCheck), as after a power cut.
        try (FileStorage reader = FileStorage.openReadOnly(file, FileStorageOptions.defaults())) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                PageFile pages = PageFile.overChannel(file, new FileChannelPages(file, channel));
                MetaPage meta = MetaPage.readCandidates(pages, 0).get(0).meta();
                root = meta.tree().page();
                long middle = root * meta.pageSize() + meta.pageSize() / 2;
                ByteBuffer one = ByteBuffer.allocate(1);
                channel.read(one, middle);
                channel.write(ByteBuffer.wrap(new byte[] {(byte) (one.get(0) ^ 0x10)}), middle);
            }
            VerifyFailedException verify = assertThrows(VerifyFailedException.class, reader::verify);
            assertEquals(root, verify.damagedPages().get(0).page(), verify::getMessage);
            assertThrows(CorruptPageException.class, () -> {
                try (Snapshot snapshot = reader.openSnapshot()) {
                    snapshot.load(1);
                }
            });
        }
    }
}
