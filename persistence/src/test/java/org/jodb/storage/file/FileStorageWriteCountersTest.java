package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jodb.storage.RecordWrite;

/** {@link FileStorageStats#bytesWritten()} and {@link FileStorageStats#forces()} count what reached the file. */
class FileStorageWriteCountersTest {

    @Test
    void countersMatchTheWritesAndForcesTheFileSaw() {
        FileStorageOptions options = FileStorageOptions.defaults();
        RecordingDisk disk = new RecordingDisk(Path.of("counted.jodb"), options.pageSize(), DiskFault.NONE);
        try (FileStorage storage = FileStorage.open(disk, options)) {
            FileStorageStats before = storage.stats();
            int opsBefore = disk.log().ops().size();
            int type = storage.typeId("t");
            for (int serial = 0; serial < 5; serial++) {
                byte[] state = ("state " + serial).getBytes(StandardCharsets.UTF_8);
                storage.commit(List.of(new RecordWrite(2, serial, type, new long[0], state)));
            }
            FileStorageStats after = storage.stats();

            List<IoOp> ops = disk.log().ops().subList(opsBefore, disk.log().ops().size());
            long written = ops.stream().filter(op -> op.kind() == IoKind.WRITE).mapToLong(op -> op.data().length).sum();
            long forces = ops.stream().filter(op -> op.kind() == IoKind.FORCE).count();
            assertTrue(written >= 5L * after.pageSize(), "each commit writes at least one page: " + written);
            assertEquals(written, after.bytesWritten() - before.bytesWritten());
            assertEquals(forces, after.forces() - before.forces());
        }
    }
}
