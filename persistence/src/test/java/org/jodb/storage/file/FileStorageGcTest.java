package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.jodb.storage.GcResult;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Snapshot;
import org.jodb.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Garbage collection at the storage level: the object tree shrinks and stays well formed. */
class FileStorageGcTest {
    static final FileStorageOptions FAST = FileStorageOptions.defaults().withSync(false);
    @TempDir
    Path dir;

    static byte[] payload(long oid) {
        byte[] bytes = new byte[oid % 50 == 0 ? 9_000 : 100 + (int) (oid % 200)]; // some overflow
        new Random(oid).nextBytes(bytes);
        return bytes;
    }

    /** Writes {@code count} objects and a root referring to {@code kept}; returns the type id. */
    static int fill(FileStorage s, int count, TreeSet<Long> kept) {
        int type = s.typeId("t");
        List<RecordWrite> writes = new ArrayList<>();
        for (long oid = Storage.FIRST_OID; oid < Storage.FIRST_OID + count; oid++) {
            writes.add(new RecordWrite(oid, 0, type, new long[0], payload(oid)));
        }
        s.commit(writes);
        setRoot(s, type, kept, 0);
        return type;
    }

    static long setRoot(FileStorage s, int type, TreeSet<Long> kept, long base) {
        long[] refs = kept.stream().mapToLong(Long::longValue).toArray();
        return s.commit(List.of(new RecordWrite(Storage.ROOT_OID, base, type, refs, new byte[1])));
    }

    @Test
    void removalsShrinkTheTreeWhichStaysReadableAndVerified() {
        Random random = new Random(7);
        try (FileStorage s = FileStorage.open(dir.resolve("gc.jodb"), FAST)) {
            int count = 6_000;
            TreeSet<Long> kept = new TreeSet<>();
            for (long oid = Storage.FIRST_OID; oid < Storage.FIRST_OID + count; oid++) {
                kept.add(oid);
            }
            int type = fill(s, count, kept);
            long inUseFull = s.stats().pagesInUse();
            long rootSerial = s.lastRevision();
            for (int round = 0; round < 4; round++) {
                // drop a random 60% of what is left, plus a contiguous run (whole leaves go empty)
                kept.removeIf(oid -> random.nextInt(10) < 6);
                long from = kept.isEmpty() ? 0 : kept.first() + random.nextInt(500);
                kept.removeIf(oid -> oid >= from && oid < from + 400);
                rootSerial = setRoot(s, type, kept, rootSerial);
                GcResult result = s.collectGarbage();
                assertEquals(kept.size() + 1, result.liveObjects(), result.toString());
                VerifyResult verified = s.verify();
                assertEquals(kept.size() + 1, verified.records());
                try (Snapshot snap = s.openSnapshot()) {
                    for (long oid = Storage.FIRST_OID; oid < Storage.FIRST_OID + count; oid++) {
                        if (kept.contains(oid)) {
                            assertArrayEquals(payload(oid), snap.load(oid).payload());
                        } else {
                            assertNull(snap.load(oid));
                        }
                    }
                }
            }
            long inUse = s.stats().pagesInUse();
            assertTrue(inUse * 20 < inUseFull, "pages in use " + inUse + " after GC vs " + inUseFull);
            kept.clear();
            setRoot(s, type, kept, rootSerial);
            s.collectGarbage();
            assertEquals(1, s.verify().records());
        }
    }
}
