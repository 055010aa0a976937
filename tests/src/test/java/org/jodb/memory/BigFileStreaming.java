package org.jodb.memory;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.PrimitiveIterator;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.bigarray.BigArray;
import org.jodb.bigarray.BigArrayHandle;
import org.jodb.bigarray.ElementType;
import org.jodb.bigfile.BigFile;
import org.jodb.bigfile.BigFileHandle;
import org.jodb.bigfile.BlockFormat;
import org.jodb.cache.ClassFootprint;
import org.jodb.cache.HeapProfile;

/**
 * The child JVM of {@link BigFileStreamingTest}: writes {@code args[0]} bytes sequentially through
 * a {@link BigFileHandle} (2 MiB blocks of 4 KiB chunks, CHUNKED format) committing every
 * {@value #COMMIT_BYTES} bytes, then reads them back on a new connection and checks every byte.
 * With {@code args[3]} {@code array}, the bytes are a {@link BigArray} of doubles in such a file,
 * written by bulk copies and read back through its {@link BigArrayHandle#doubles() stream}.
 * Every {@code args[1]} bytes it prints a line with the connection cache's JOL-retained bytes, the
 * counts of chunk, bucket and block objects the cache holds, and the heap in use after a GC; it
 * exits with status 1 if the cache or those counts grew past the first line of their phase taken
 * after {@code WARM_BYTES} (once the handle's blocks fill its budget), or a byte differs. The cache's
 * retained bytes include the handle's loaded blocks: the file object refers to its handle.
 */
public final class BigFileStreaming {
    static final int COMMIT_BYTES = 16 << 20;
    private static final int BUFFER = 1 << 20;
    private static final List<String> BLOCK_PARTS = List.of("org.jodb.bigfile.Chunk", "org.jodb.bigfile.ChunkedBlock",
            "org.jodb.bigfile.WholeBlock", "org.jodb.btree.LongBucket", "org.jodb.btree.LongTreeNode");

    private long firstRetained = -1;
    private long firstParts = -1;
    private boolean grew;

    private BigFileStreaming() {
    }

    public static void main(String[] args) {
        long total = Long.parseLong(args[0]);
        long every = Long.parseLong(args[1]);
        Path path = Path.of(args[2]);
        boolean array = args.length > 3 && args[3].equals("array");
        System.out.printf("[streaming] %s, 2 MiB CHUNKED blocks%n", array
                ? String.format("a BigArray of %,d doubles", total / Double.BYTES) : String.format("a BigFile of %,d bytes", total));
        BigFileStreaming run = new BigFileStreaming();
        boolean same;
        try (Database db = Database.open(path)) {
            if (array) {
                run.writeArray(db, total / Double.BYTES, every);
            } else {
                run.write(db, total, every);
            }
            run.firstRetained = -1; // the read phase has its own baseline
            run.firstParts = -1;
            same = array ? run.readArray(db, total / Double.BYTES, every) : run.readBack(db, total, every);
        }
        System.out.println("[streaming] " + (same ? "values check" : "VALUES DIFFER") + (run.grew ? ", GREW" : ", flat"));
        System.exit(same && !run.grew ? 0 : 1);
    }

    /** Writes in a method of its own, so that no local of main keeps the writing handle's blocks. */
    private void write(Database db, long total, long every) {
        try (Connection c = db.open()) {
            BigFile file = new BigFile(BigFile.DEFAULT_BLOCK_SIZE, BigFile.DEFAULT_CHUNK_SIZE, BlockFormat.CHUNKED);
            c.root().put("stream", file);
            c.commit();
            BigFileHandle handle = file.handle(c);
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            for (long position = 0; position < total; position += BUFFER) {
                fill(buffer.clear(), position);
                handle.write(position, buffer.flip());
                long done = position + BUFFER;
                if (done % COMMIT_BYTES == 0 || done >= total) {
                    c.commit();
                }
                if (done % every == 0) {
                    profile(c, "write", done);
                }
            }
        }
    }

    private boolean readBack(Database db, long total, long every) {
        try (Connection c = db.open()) {
            BigFileHandle handle = ((BigFile) c.root().get("stream")).handle(c);
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            ByteBuffer expected = ByteBuffer.allocate(BUFFER);
            for (long position = 0; position < total; position += BUFFER) {
                handle.read(position, buffer.clear());
                fill(expected.clear(), position);
                if (!buffer.flip().equals(expected.flip())) {
                    System.out.println("[streaming] bytes differ in the MiB at " + position);
                    return false;
                }
                long done = position + BUFFER;
                if (done % every == 0) {
                    profile(c, "read", done);
                }
            }
            return true;
        }
    }

    /** Writes the array's elements a MiB at a time, as {@link #write} writes bytes. */
    private void writeArray(Database db, long n, long every) {
        try (Connection c = db.open()) {
            BigFile file = new BigFile(BigFile.DEFAULT_BLOCK_SIZE, BigFile.DEFAULT_CHUNK_SIZE, BlockFormat.CHUNKED);
            c.root().put("array", new BigArray(file, ElementType.DOUBLE, n));
            c.commit();
            BigArrayHandle array = ((BigArray) c.root().get("array")).handle(c);
            double[] piece = new double[BUFFER / Double.BYTES];
            for (long from = 0; from < n; from += piece.length) {
                for (int i = 0; i < piece.length; i++) {
                    piece[i] = element(from + i);
                }
                array.set(from, piece);
                long done = (from + piece.length) * Double.BYTES;
                if (done % COMMIT_BYTES == 0 || done >= n * Double.BYTES) {
                    c.commit();
                }
                if (done % every == 0) {
                    profile(c, "write", done);
                }
            }
        }
    }

    /** Reads the array back through its stream of doubles, never a whole block in the caller's hands. */
    private boolean readArray(Database db, long n, long every) {
        try (Connection c = db.open()) {
            PrimitiveIterator.OfDouble values = ((BigArray) c.root().get("array")).handle(c).doubles().iterator();
            long perProfile = every / Double.BYTES;
            for (long i = 0; i < n; i++) {
                if (values.nextDouble() != element(i)) {
                    System.out.println("[streaming] element " + i + " differs");
                    return false;
                }
                if ((i + 1) % perProfile == 0) {
                    profile(c, "read", (i + 1) * Double.BYTES);
                }
            }
            return true;
        }
    }

    /** Element {@code i}: its index and a fraction, never zero. */
    private static double element(long i) {
        return i + 0.25;
    }

    /** The bytes at {@code position..}: a function of the position, different in every block. */
    private static void fill(ByteBuffer buffer, long position) {
        while (buffer.hasRemaining()) {
            long p = position + buffer.position();
            buffer.put((byte) (p ^ (p >>> 8) ^ (p >>> 21)));
        }
    }

    private void profile(Connection c, String phase, long done) {
        System.gc();
        System.gc();
        HeapProfile profile = HeapProfile.of(c);
        long parts = 0;
        StringBuilder byClass = new StringBuilder();
        for (ClassFootprint footprint : profile.classes()) {
            if (BLOCK_PARTS.contains(footprint.className())) {
                parts += footprint.count();
                byClass.append(' ').append(footprint.className().replaceAll(".*\\.", "")).append('=').append(footprint.count());
            }
        }
        Runtime runtime = Runtime.getRuntime();
        long heapUsed = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf("[streaming] %-5s %,6d MiB: cache retains %,9d bytes in %,5d objects; block parts %d (%s ); heap used %,4d MiB%n",
                phase, done >> 20, profile.totalBytes(), profile.totalCount(), parts, byClass.toString().trim(), heapUsed >> 20);
        if (done < WARM_BYTES) {
            return; // the handle's blocks are still filling its budget
        }
        if (firstRetained < 0) {
            firstRetained = profile.totalBytes();
            firstParts = parts;
        } else if (parts > firstParts || profile.totalBytes() > firstRetained + GROWTH_SLACK_BYTES) {
            grew = true;
        }
    }

    /** Past twice the handle's default budget, its loaded blocks fill it: the baseline is taken from there. */
    private static final long WARM_BYTES = 2 * BigFileHandle.DEFAULT_BUDGET_BYTES;

    /** Bookkeeping that may vary between profiles (identity-map resizes, a few ghosts): 64 KiB. */
    private static final long GROWTH_SLACK_BYTES = 64 << 10;
}
