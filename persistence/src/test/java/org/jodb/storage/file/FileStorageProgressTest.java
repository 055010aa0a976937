package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jodb.storage.GcResult;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What verify, garbage collection and compaction tell a {@link ProgressListener}. */
class FileStorageProgressTest {
    private static final int OBJECTS = 2_000;

    @TempDir
    Path dir;

    /** The last (done, total) of each phase, in the order the phases started; checks done never falls. */
    private static final class Phases implements ProgressListener {
        final Map<String, long[]> last = new LinkedHashMap<>();
        int calls;

        @Override
        public void progress(String phase, long done, long total) {
            long[] before = last.get(phase);
            assertTrue(before == null || done >= before[0], phase + " went back from " + (before == null ? 0 : before[0]));
            assertTrue(total == 0 || done <= total, phase + ": " + done + " of " + total);
            last.put(phase, new long[] {done, total});
            calls++;
        }
    }

    /** The root and {@link #OBJECTS} objects, every other one referred to by the root: half are garbage. */
    private FileStorage storageWithGarbage() {
        FileStorage storage = FileStorage.open(dir.resolve("p.jodb"), FileStorageOptions.defaults().withSync(false));
        int layout = storage.typeId("layout:test.Item{}");
        List<RecordWrite> writes = new ArrayList<>();
        List<Long> kept = new ArrayList<>();
        for (int i = 0; i < OBJECTS; i++) {
            long oid = storage.newOid();
            writes.add(new RecordWrite(oid, 0, layout, new long[0], new byte[100]));
            if (i % 2 == 0) {
                kept.add(oid);
            }
        }
        writes.add(new RecordWrite(Storage.ROOT_OID, 0, layout, kept.stream().mapToLong(Long::longValue).toArray(),
                new byte[0]));
        storage.commit(writes);
        return storage;
    }

    @Test
    void verifyTellsEveryPageItReads() {
        try (FileStorage storage = storageWithGarbage()) {
            Phases phases = new Phases();
            VerifyResult result = storage.verify(phases);
            long[] pages = phases.last.get("verifying pages");
            assertEquals(List.of("verifying pages"), List.copyOf(phases.last.keySet()));
            assertEquals(result.pageCount(), pages[1]);
            assertEquals(result.pageCount(), pages[0], "ends at the page count (free pages are counted, not read)");
            assertTrue(phases.calls >= result.livePages() - 2 + result.pendingPages(), "every page read is told");
        }
    }

    @Test
    void garbageCollectionTellsMarkingThenRemoving() {
        try (FileStorage storage = storageWithGarbage()) {
            Phases phases = new Phases();
            GcResult result = storage.collectGarbage(phases);
            assertEquals(List.of("marking reachable objects", "removing objects"), List.copyOf(phases.last.keySet()));
            assertEquals(0, phases.last.get("marking reachable objects")[1], "of a total not known beforehand");
            assertEquals(result.liveObjects(), phases.last.get("marking reachable objects")[0], "each live one once");
            assertEquals(OBJECTS / 2, result.removedObjects());
            assertTrue(Arrays.equals(new long[] {result.removedObjects(), result.removedObjects()},
                    phases.last.get("removing objects")));
        }
    }

    @Test
    void compactionTellsRepackingAndEachMovingCommit() {
        try (FileStorage storage = storageWithGarbage()) {
            storage.collectGarbage();
            Phases phases = new Phases();
            storage.compact(phases);
            assertEquals(List.of("repacking the tree", "moving pages: commits"), List.copyOf(phases.last.keySet()));
            assertTrue(Arrays.equals(new long[] {1, 1}, phases.last.get("repacking the tree")));
            long[] moving = phases.last.get("moving pages: commits");
            assertTrue(moving[0] >= 1 && moving[1] == 8, moving[0] + " of " + moving[1]);
        }
    }

    @Test
    void theOperationsWithoutAListenerTellNothingAndStillWork() {
        try (FileStorage storage = storageWithGarbage()) {
            assertEquals(OBJECTS / 2, storage.collectGarbage().removedObjects());
            storage.compact();
            assertEquals(OBJECTS / 2 + 1, storage.verify().records());
        }
    }
}
