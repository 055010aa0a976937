package org.jodb.bigfile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import org.jodb.Connection;
import org.jodb.Database;
import org.junit.jupiter.api.Test;

/**
 * wendelin.core's block-format workloads (bench_zblkfmt) with 2 MiB blocks of 4 KiB chunks, per
 * format: the bytes the commits handed to the storage, and for reading one random block through a
 * handle that keeps no block loaded, the records loaded and (printed, not asserted: timing belongs
 * to benchmarks) the time.
 * (a) 500 appends, each of 1.4% of a block, one commit each; (b) a file of 4 full blocks, then 20%
 * of its bytes rewritten as 4 KiB writes at random positions, 4 writes per commit.
 */
class FormatWorkloadTest {
    private static final int BLOCK = BigFile.DEFAULT_BLOCK_SIZE;
    private static final int CHUNK = BigFile.DEFAULT_CHUNK_SIZE;

    /** What one workload cost in one format. */
    private record Cost(long bytesWritten, double recordsPerBlockRead, double readMicrosPerBlock) {
    }

    private static void appends(BigFileHandle handle, Connection c) {
        byte[] data = Files.pattern(1, BLOCK * 14 / 1000);
        for (int i = 0; i < 500; i++) {
            handle.write(handle.size(), ByteBuffer.wrap(data));
            c.commit();
        }
    }

    private static void randomWrites(BigFileHandle handle, Connection c) {
        int blocks = 4;
        handle.write(0, ByteBuffer.wrap(Files.pattern(2, blocks * BLOCK)));
        c.commit();
        Random random = new Random(3);
        byte[] data = Files.pattern(4, CHUNK);
        int writes = blocks * BLOCK / 5 / data.length;
        for (int i = 0; i < writes; i++) {
            handle.write(random.nextInt(blocks * BLOCK - data.length), ByteBuffer.wrap(data));
            if (i % 4 == 3) {
                c.commit();
            }
        }
        c.commit();
    }

    private static Cost run(BlockFormat format, BiConsumer<BigFileHandle, Connection> workload) {
        WriteCountingStorage storage = new WriteCountingStorage();
        try (Database db = Database.open(storage); Connection c = db.open()) {
            BigFile file = Files.store(c, "f", new BigFile(BLOCK, CHUNK, format));
            BigFileHandle handle = file.handle(c);
            long before = storage.bytesWritten();
            workload.accept(handle, c);
            long written = storage.bytesWritten() - before;
            handle.setBudgetBytes(0); // every read loads its block
            long blocks = handle.size() / BLOCK;
            Random random = new Random(5);
            ByteBuffer buffer = ByteBuffer.allocate(BLOCK);
            for (int i = 0; i < 300; i++) { // warm-up: the JIT needs a few hundred block loads
                handle.read(random.nextInt((int) blocks) * (long) BLOCK, buffer.clear());
            }
            int reads = 300;
            long loads = c.cacheStats().loads();
            long start = System.nanoTime();
            for (int i = 0; i < reads; i++) {
                handle.read(random.nextInt((int) blocks) * (long) BLOCK, buffer.clear());
            }
            long elapsed = System.nanoTime() - start;
            return new Cost(written, (double) (c.cacheStats().loads() - loads) / reads, elapsed / 1e3 / reads);
        }
    }

    private static Map<BlockFormat, Cost> runAll(String name, BiConsumer<BigFileHandle, Connection> workload) {
        Map<BlockFormat, Cost> costs = new EnumMap<>(BlockFormat.class);
        for (BlockFormat format : BlockFormat.values()) {
            costs.put(format, run(format, workload));
        }
        costs.forEach((format, cost) -> System.out.printf(
                "%-13s %-8s %,15d bytes written %8.1f records and %8.1f us per random block read%n",
                name, format, cost.bytesWritten(), cost.recordsPerBlockRead(), cost.readMicrosPerBlock()));
        return costs;
    }

    private static long fewestBytes(Map<BlockFormat, Cost> costs) {
        return Math.min(costs.get(BlockFormat.WHOLE).bytesWritten(), costs.get(BlockFormat.CHUNKED).bytesWritten());
    }

    @Test
    void appendsAndRandomWrites() {
        Map<BlockFormat, Cost> appends = runAll("appends", FormatWorkloadTest::appends);
        Map<BlockFormat, Cost> random = runAll("random 20%", FormatWorkloadTest::randomWrites);
        // Appends: AUTO keeps a block chunked while it fills, then writes it once more, whole: the
        // chunked bytes plus about the file's size (a small fraction of what WHOLE writes).
        long appendedBytes = 500L * (BLOCK * 14 / 1000);
        long autoAppends = appends.get(BlockFormat.AUTO).bytesWritten();
        assertTrue(autoAppends <= appends.get(BlockFormat.CHUNKED).bytesWritten() + appendedBytes + BLOCK,
                "appends: AUTO wrote " + autoAppends);
        assertTrue(autoAppends * 10 < appends.get(BlockFormat.WHOLE).bytesWritten(), "appends: AUTO wrote " + autoAppends);
        // Random writes: AUTO stores the filled blocks whole, makes each chunked at its first small
        // change (writing it once), then writes chunks: the chunked bytes plus the file's size.
        long fileBytes = 4L * BLOCK;
        long autoRandom = random.get(BlockFormat.AUTO).bytesWritten();
        assertTrue(autoRandom <= random.get(BlockFormat.CHUNKED).bytesWritten() + fileBytes + fileBytes / 10,
                "random writes: AUTO wrote " + autoRandom);
        assertTrue(autoRandom * 10 < random.get(BlockFormat.WHOLE).bytesWritten(), "random writes: AUTO wrote " + autoRandom);
    }
}
