package org.jodb.benchmarks.space;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Storage;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;

/**
 * The space scenario of the storage's space issue, as a new user meets it: {@code objects} small
 * objects (40-byte payloads) stored in commits of {@value #PER_COMMIT}, reachable from the root
 * through holders of {@value #PER_HOLDER} each; then one commit makes every holder drop every other
 * object (it rewrites every holder, so the file grows by the leaves holding them), the garbage is
 * collected and the file compacted. A fresh file gets only the live objects, stored the
 * same way. The peak during the collection is sampled from the file's length by a second thread
 * (a file only grows until compaction, so it is also the size after the collection).
 *
 * <p>Run it with {@code mvn -B -o -Pspace -DskipTests verify -pl tests -am [-Dspace.args=N]}
 * (1,000,000 by default, about a minute). Not thread-safe; one run at a time per directory.
 */
public final class SpaceMeasurement {
    static final int PER_HOLDER = 100;
    static final int PER_COMMIT = 10_000;
    private static final int PAYLOAD = 40;
    static final String OBJECT = "space-object";
    static final String HOLDER = "space-holder";

    private SpaceMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        int objects = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        Path dir = Files.createTempDirectory("jodb-space");
        try {
            System.out.println(run(dir, objects, FileStorageOptions.defaults()));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    /** Runs the scenario in {@code dir} (files {@code full.jodb} and {@code fresh.jodb}). */
    public static SpaceFigures run(Path dir, int objects, FileStorageOptions options) throws Exception {
        if (objects % (2 * PER_HOLDER) != 0) {
            throw new IllegalArgumentException("objects must be a multiple of " + 2 * PER_HOLDER + ", was " + objects);
        }
        long afterStore;
        long beforeGc;
        long peak;
        long afterGc;
        long afterCompact;
        double fillAfterGc;
        double fillAfterCompact;
        try (FileStorage storage = FileStorage.open(dir.resolve("full.jodb"), options)) {
            long[][] holders = store(storage, objects, 1);
            afterStore = storage.stats().fileSize();
            List<RecordWrite> halved = new ArrayList<>();
            int type = storage.typeId(HOLDER);
            for (int h = 0; h < holders.length; h++) {
                long[] everyOther = new long[PER_HOLDER / 2];
                for (int i = 0; i < everyOther.length; i++) {
                    everyOther[i] = holders[h][2 * i];
                }
                long oid = holders[h][PER_HOLDER];
                halved.add(new RecordWrite(oid, holders[h][PER_HOLDER + 1], type, everyOther, new byte[0]));
            }
            storage.commit(halved);
            beforeGc = storage.stats().fileSize();
            peak = sampledPeak(storage, storage::collectGarbage);
            afterGc = storage.stats().fileSize();
            fillAfterGc = storage.stats().treeFill();
            storage.compact();
            afterCompact = storage.stats().fileSize();
            fillAfterCompact = storage.stats().treeFill();
        }
        long fresh;
        try (FileStorage storage = FileStorage.open(dir.resolve("fresh.jodb"), options)) {
            store(storage, objects / 2, 2);
            fresh = storage.stats().fileSize();
        }
        return new SpaceFigures(objects, afterStore, beforeGc, peak, afterGc, afterCompact, fresh, fillAfterGc,
                fillAfterCompact);
    }

    /**
     * Stores {@code objects} objects under holders under the root; returns per holder its object
     * oids, then its own oid and serial. {@code stride} spaces the payload seeds like the originals.
     */
    static long[][] store(FileStorage storage, int objects, int stride) {
        int objectType = storage.typeId(OBJECT);
        int holderType = storage.typeId(HOLDER);
        long[][] holders = new long[objects / PER_HOLDER][];
        List<RecordWrite> writes = new ArrayList<>();
        List<long[]> pending = new ArrayList<>();
        for (int h = 0; h < holders.length; h++) {
            long[] refs = new long[PER_HOLDER + 2];
            for (int i = 0; i < PER_HOLDER; i++) {
                long oid = storage.newOid();
                refs[i] = oid;
                writes.add(new RecordWrite(oid, 0, objectType, new long[0], payload((long) stride * oid)));
            }
            refs[PER_HOLDER] = storage.newOid();
            writes.add(new RecordWrite(refs[PER_HOLDER], 0, holderType, Arrays.copyOf(refs, PER_HOLDER), new byte[0]));
            holders[h] = refs;
            pending.add(refs);
            if (writes.size() >= PER_COMMIT || h == holders.length - 1) {
                long revision = storage.commit(writes);
                pending.forEach(p -> p[PER_HOLDER + 1] = revision);
                pending.clear();
                writes.clear();
            }
        }
        long[] holderOids = Arrays.stream(holders).mapToLong(refs -> refs[PER_HOLDER]).toArray();
        storage.commit(List.of(new RecordWrite(Storage.ROOT_OID, 0, holderType, holderOids, new byte[0])));
        return holders;
    }

    static byte[] payload(long seed) {
        byte[] bytes = new byte[PAYLOAD];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (seed >>> (8 * (i % 8)) ^ i);
        }
        return bytes;
    }

    /** Runs {@code work} while another thread samples the file's length; returns the largest seen. */
    private static long sampledPeak(FileStorage storage, Runnable work) throws Exception {
        AtomicLong peak = new AtomicLong(storage.stats().fileSize());
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                try {
                    peak.accumulateAndGet(Files.size(storage.path()), Math::max);
                    Thread.sleep(1);
                } catch (Exception e) {
                    return;
                }
            }
        }, "space-sampler");
        sampler.start();
        try {
            work.run();
        } finally {
            done.set(true);
            sampler.join();
        }
        return Math.max(peak.get(), Files.size(storage.path()));
    }
}
