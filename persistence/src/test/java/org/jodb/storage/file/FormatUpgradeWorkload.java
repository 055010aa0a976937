package org.jodb.storage.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jodb.storage.Record;

/**
 * Starts from the format version 1 file of {@link FormatVersion1Test} (revisions 3 to 5 retained,
 * oids 2 to 5) and commits on it: the first commit writes a version 2 meta page while the other
 * slot keeps the version 1 one, so a cut in it falls back to a version 1 revision; then commits,
 * a restart and a compaction.
 */
final class FormatUpgradeWorkload implements PowerCutWorkload {
    private static final String RESOURCE = "format-v1-keep3.jodb";
    private static final long FIRST_RETAINED = 3;
    private static final long NEWEST = 5;
    private static final long[] OIDS = {2, 3, 4, 5};

    @Override
    public String name() {
        return "format-v1-upgrade";
    }

    @Override
    public FileStorageOptions options() {
        return FileStorageOptions.defaults().withPageSize(1024).withNodeCacheBytes(0).keepRevisions(3);
    }

    @Override
    public void run(RecordingDisk disk, ExpectedRevisions expected, FileStorageOptions options, long seed) {
        byte[] file = versionOneFile();
        disk.preload(file);
        int type = typeIdIn(file, options);
        expected.type(type, "v1-record");
        for (long revision = FIRST_RETAINED; revision <= NEWEST; revision++) {
            expected.acknowledge(revision, versionOneContent(revision, type));
        }
        disk.acknowledge(NEWEST);
        RandomChanges changes = new RandomChanges(79 * seed, 30, 2 << 10);
        for (int session = 0; session < 2; session++) {
            try (TrackedStorage storage = TrackedStorage.open(disk, options, expected)) {
                for (int commit = 0; commit < 5; commit++) {
                    changes.commit(storage, 3, 1, 1);
                }
                storage.compact();
            }
        }
    }

    /** Every oid written by every revision: "v1 commit r oid o". */
    private static Map<Long, Record> versionOneContent(long revision, int type) {
        Map<Long, Record> content = new HashMap<>();
        for (long oid : OIDS) {
            content.put(oid, new Record(oid, revision, type, new long[0],
                    ("v1 commit " + revision + " oid " + oid).getBytes(StandardCharsets.UTF_8)));
        }
        return content;
    }

    /** The id the file's catalog gives "v1-record", read from a throwaway copy. */
    private static int typeIdIn(byte[] file, FileStorageOptions options) {
        MemoryFile copy = new MemoryFile();
        copy.write(0, file, 0, file.length);
        try (FileStorage storage = FileStorage.open(PageFile.overChannel(Path.of(RESOURCE),
                new MemoryPageChannel(copy)), options)) {
            return storage.typeId("v1-record");
        }
    }

    private static byte[] versionOneFile() {
        try (InputStream in = FormatUpgradeWorkload.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + RESOURCE + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
