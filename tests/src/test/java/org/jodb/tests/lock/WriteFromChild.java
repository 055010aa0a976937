package org.jodb.tests.lock;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jodb.JodbException;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.file.FileStorage;

/**
 * The program {@link ProcessLockTest} runs in a child JVM: {@code WriteFromChild <file>} opens the
 * storage file, commits one record and prints {@code committed <revision>}, or prints
 * {@code refused <message>} if the open is refused. Either way it exits with status 0, so any other
 * status means the child itself failed.
 */
public final class WriteFromChild {
    private WriteFromChild() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        FileStorage storage;
        try {
            storage = FileStorage.open(file);
        } catch (JodbException e) {
            System.out.println("refused " + e.getMessage());
            return;
        }
        try (storage) {
            int type = storage.typeId("child");
            long revision = storage.commit(List.of(new RecordWrite(storage.newOid(), 0, type, new long[0],
                    "written by another process".getBytes(StandardCharsets.UTF_8))));
            System.out.println("committed " + revision);
        }
    }
}
