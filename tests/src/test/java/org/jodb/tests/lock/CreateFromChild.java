package org.jodb.tests.lock;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jodb.JodbException;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.file.FileStorage;

/**
 * The program {@link ProcessCreateRaceTest} runs in two child JVMs at once:
 * {@code CreateFromChild <file> <start signal>} waits until the start signal file exists, opens
 * (creating) the storage file, commits one record and prints {@code committed <revision>}, then
 * keeps the file open until its standard input ends; or prints {@code refused <message>} if the
 * open is refused. Either way it exits with status 0, so any other status means the child failed.
 */
public final class CreateFromChild {
    private CreateFromChild() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        Path start = Path.of(args[1]);
        while (!Files.exists(start)) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200)); // both children wait for one signal
        }
        FileStorage storage;
        try {
            storage = FileStorage.open(file);
        } catch (JodbException e) {
            System.out.println("refused " + e.getMessage());
            return;
        }
        try (storage) {
            long revision = storage.commit(List.of(new RecordWrite(storage.newOid(), 0, storage.typeId("child"),
                    new long[0], "created by a child".getBytes(StandardCharsets.UTF_8))));
            System.out.println("committed " + revision);
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream()); // hold the file until told
        }
    }
}
