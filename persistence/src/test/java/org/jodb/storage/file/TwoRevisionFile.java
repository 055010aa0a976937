package org.jodb.storage.file;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jodb.storage.RecordWrite;

/** A storage file holding revisions 1 and 2 of oid 2 ("v1", "v2"): slot 0 holds revision 2, slot 1 revision 1. */
final class TwoRevisionFile {
    private TwoRevisionFile() {
    }

    /** Creates it at {@code file} and returns {@code file}. */
    static Path create(Path file) {
        try (FileStorage s = FileStorage.open(file)) {
            int t = s.typeId("t");
            s.commit(List.of(new RecordWrite(2, 0, t, new long[0], "v1".getBytes(StandardCharsets.UTF_8))));
            s.commit(List.of(new RecordWrite(2, 1, t, new long[0], "v2".getBytes(StandardCharsets.UTF_8))));
        }
        return file;
    }
}
