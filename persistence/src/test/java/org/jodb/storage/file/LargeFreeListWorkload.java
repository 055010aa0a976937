package org.jodb.storage.file;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jodb.storage.Record;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Snapshot;
import org.jodb.storage.Storage;

/**
 * Commits on a file whose free list is large and fragmented, so the durable free map spans several
 * chunks and commits rewrite some of them: built beforehand (not cut) as a user gets one, {@value
 * #OBJECTS} three-page objects stored, a reader pinned, every other one unlinked, collected and
 * compacted, the reader closed (about 8,100 free pages in 2,700 runs, over two of the 7,936-page
 * chunks); then small commits, a restart (which reads the map back) and more commits are cut like
 * any other. (A compaction here would move thousands of pages, a cut point each: compaction over
 * the free map is cut in the smaller workloads.)
 */
final class LargeFreeListWorkload implements PowerCutWorkload {
    /** Objects of three 1 KiB pages: enough for three free-map chunks of 7,936 pages. */
    private static final int OBJECTS = 2 * 2_700;
    private static final int PAYLOAD = 2_500;
    private static final String TYPE = "large-free-list-object";

    @Override
    public String name() {
        return "large-free-list";
    }

    @Override
    public FileStorageOptions options() {
        return FileStorageOptions.defaults().withPageSize(1024).withNodeCacheBytes(0);
    }

    @Override
    public void run(RecordingDisk disk, ExpectedRevisions expected, FileStorageOptions options, long seed) {
        MemoryFile built = new MemoryFile();
        Map<Long, Record> content = new HashMap<>();
        long revision;
        int type;
        try (FileStorage storage = FileStorage.open(PageFile.overChannel(Path.of("built.jodb"),
                new MemoryPageChannel(built)), options.withSync(false))) {
            type = storage.typeId(TYPE);
            long[] objects = new long[OBJECTS];
            List<RecordWrite> writes = new ArrayList<>();
            for (int i = 0; i < OBJECTS; i++) {
                objects[i] = storage.newOid();
                writes.add(new RecordWrite(objects[i], 0, type, new long[0], new byte[PAYLOAD + (int) (seed % 7)]));
            }
            storage.commit(writes);
            long rootSerial = storage.commit(List.of(new RecordWrite(Storage.ROOT_OID, 0, type, objects, new byte[0])));
            long[] everyOther = new long[OBJECTS / 2];
            for (int i = 0; i < everyOther.length; i++) {
                everyOther[i] = objects[2 * i];
            }
            try (Snapshot reader = storage.openSnapshot()) {
                storage.commit(List.of(new RecordWrite(Storage.ROOT_OID, rootSerial, type, everyOther, new byte[0])));
                storage.collectGarbage();
                storage.compact();
            }
            revision = storage.commit(List.of(new RecordWrite(objects[0], rootSerial - 1, type, new long[0],
                    new byte[10])));
            if (storage.stats().freePages() < 3 * OBJECTS / 2) {
                throw new IllegalStateException("the built file has only " + storage.stats().freePages()
                        + " free pages");
            }
            try (Snapshot newest = storage.openSnapshot()) {
                storage.forEachRecord(newest, record -> content.put(record.oid(), record));
            }
        }
        byte[] file = new byte[built.length()];
        built.read(ByteBuffer.wrap(file), 0);
        disk.preload(file);
        expected.type(type, TYPE);
        expected.acknowledge(revision, content);
        disk.acknowledge(revision);
        RandomChanges changes = new RandomChanges(53 * seed, 20, 600);
        for (int session = 0; session < 2; session++) {
            try (TrackedStorage storage = TrackedStorage.open(disk, options, expected)) {
                for (int commit = 0; commit < 3; commit++) {
                    changes.commit(storage, 1, 1, commit % 2);
                }
            }
        }
    }
}
