package org.jodb.examples.bigarray;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.DoubleBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.PrimitiveIterator;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.bigarray.BigArray;
import org.jodb.bigarray.BigArrayHandle;
import org.jodb.bigarray.ElementType;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;

/**
 * Stores a one-dimensional {@link BigArray} of doubles (2 GiB unless told otherwise: run it with
 * {@code -Xmx256m} to see that the heap only holds the handle's budget of blocks), reads every
 * element back, then changes three elements twice and prints the bytes the file storage wrote for
 * each of those two small commits. The first small change to a block stored whole (as a block
 * written in full is, in the {@code AUTO} format) stores it chunked, all its 4 KiB chunks; the
 * second writes only the chunks it touches and the tree nodes above them.
 *
 * <p>Arguments: the database file (replaced; default {@code target/bigarray.jodb}) and the array's
 * size in MiB (default 2048).
 */
public final class BigArrayDemo {
    /** Elements written per bulk copy: 1 MiB. */
    private static final int BATCH = 1 << 17;
    /**
     * Elements written per commit: 8 MiB, 4 blocks, so that each commit is a step of progress. One
     * transaction of the whole array would commit too: the handle spills changed blocks beyond its
     * budget to a temporary file, and a large commit stores their data ahead of itself.
     */
    private static final long PER_COMMIT = 1L << 20;

    /** What one run measured. */
    public record Result(long elements, long changedElementsChecked, long firstChangeBytes, long secondChangeBytes) {
    }

    private BigArrayDemo() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "target/bigarray.jodb");
        long mib = args.length > 1 ? Long.parseLong(args[1]) : 2048;
        run(file, mib, System.out);
    }

    /** Runs the demo on a new database at {@code file} with an array of {@code mib} MiB, printing to {@code out}. */
    public static Result run(Path file, long mib, PrintStream out) throws IOException {
        Files.deleteIfExists(file);
        long n = (mib << 20) / Double.BYTES;
        out.printf("BigArray of %,d doubles (%,d MiB) in %s; this JVM's heap is at most %,d MiB%n",
                n, mib, file, Runtime.getRuntime().maxMemory() >> 20);
        FileStorage storage = FileStorage.open(file, FileStorageOptions.defaults().withSync(false));
        try (Database db = Database.open(storage); Connection conn = db.open()) {
            conn.root().put("series", new BigArray(ElementType.DOUBLE, n));
            conn.commit();
            BigArrayHandle series = ((BigArray) conn.root().get("series")).handle(conn);

            long start = System.nanoTime();
            write(conn, series, n);
            out.printf("wrote it in %.1f s, committing every %d MiB%n", seconds(start), PER_COMMIT * Double.BYTES >> 20);

            start = System.nanoTime();
            PrimitiveIterator.OfDouble values = series.doubles().iterator(); // streamed: 64 KiB at a time
            for (long i = 0; i < n; i++) {
                if (values.nextDouble() != value(i)) {
                    throw new IllegalStateException("element " + i + " reads " + series.getDouble(i));
                }
            }
            out.printf("read back and checked all %,d elements in %.1f s%n", n, seconds(start));

            long[] changed = {n / 3, n / 2, n - 1};
            long first = change(conn, series, changed, storage, -1);
            out.printf("changed %d elements and committed: the storage wrote %,d bytes"
                    + " (their blocks were whole: a small change stores them chunked)%n", changed.length, first);
            long second = change(conn, series, changed, storage, -2);
            out.printf("changed them again and committed: the storage wrote %,d bytes%n", second);
            long checked = 0;
            for (long i : changed) {
                checked += series.getDouble(i) == -2 ? 1 : 0;
            }
            return new Result(n, checked, first, second);
        }
    }

    private static void write(Connection conn, BigArrayHandle series, long n) {
        DoubleBuffer batch = DoubleBuffer.allocate(BATCH);
        for (long from = 0; from < n; from += BATCH) {
            batch.clear();
            for (long i = from; i < from + BATCH && i < n; i++) {
                batch.put(value(i));
            }
            series.set(from, batch.flip());
            if ((from + BATCH) % PER_COMMIT == 0) {
                conn.commit();
            }
        }
        conn.commit();
    }

    /** Sets the elements to {@code value}, commits, and returns the bytes the storage wrote for it. */
    private static long change(Connection conn, BigArrayHandle series, long[] indexes, FileStorage storage,
                               double value) {
        long before = storage.stats().bytesWritten();
        for (long i : indexes) {
            series.setDouble(i, value);
        }
        conn.commit();
        return storage.stats().bytesWritten() - before;
    }

    private static double value(long i) {
        return i * 0.5;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
