package org.jodb.storage.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jodb.storage.RecordWrite;

/**
 * A second process that owns a storage file (holds its lock) for the read-only open tests, driven
 * line by line on standard input, answering on standard output:
 * {@code rewrite N} commits N revisions that each rewrite every object (so the pages of older
 * revisions are reused, with one retained revision) and answers {@code revision R}; {@code exit}
 * closes the storage. On start it stores {@code args[1]} objects and answers {@code revision R}.
 * Each object's payload is its oid and the revision it was written for ({@link #payload}).
 */
public final class WriterProcess {
    static final String LAYOUT = "layout:test.Item{oid:J,revision:J}";

    private WriterProcess() {
    }

    /** The payload of object {@code oid} as written for {@code revision}. */
    static byte[] payload(long oid, long revision) {
        return ByteBuffer.allocate(16).putLong(oid).putLong(revision).array();
    }

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args[0]);
        int objects = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (FileStorage storage = FileStorage.open(path, FileStorageOptions.defaults().keepRevisions(1).withSync(false))) {
            int layout = storage.typeId(LAYOUT);
            Map<Long, Long> serials = new HashMap<>();
            for (int i = 0; i < objects; i++) {
                serials.put(storage.newOid(), 0L);
            }
            out.println("revision " + rewrite(storage, layout, serials));
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("exit"); line = in.readLine()) {
                int commits = Integer.parseInt(line.substring("rewrite ".length()));
                long revision = storage.lastRevision();
                for (int i = 0; i < commits; i++) {
                    revision = rewrite(storage, layout, serials);
                }
                out.println("revision " + revision);
            }
        }
    }

    private static long rewrite(FileStorage storage, int layout, Map<Long, Long> serials) {
        long next = storage.lastRevision() + 1;
        List<RecordWrite> writes = new ArrayList<>();
        serials.forEach((oid, serial) -> writes.add(new RecordWrite(oid, serial, layout, new long[0], payload(oid, next))));
        long revision = storage.commit(writes);
        serials.replaceAll((oid, serial) -> revision);
        return revision;
    }
}
