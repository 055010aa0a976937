package org.jodb.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.PrimitiveIterator;
import java.util.stream.Stream;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.bigarray.BigArray;
import org.jodb.bigarray.BigArrayHandle;
import org.jodb.bigarray.ElementType;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;

/**
 * The child JVM of {@link OneTransactionArrayTest}: writes a {@link BigArray} of {@code args[0]}
 * bytes of doubles in one transaction (the handle spills the changed blocks beyond its 64 MiB
 * budget to a file in {@code args[2]}), commits it, checks that the spill file is gone, then
 * reads every element back on a new connection and checks it. Prints the heap in use after a GC
 * at each quarter and at the end, and exits with status 1 if a value differs or a spill file is
 * left in {@code args[2]}; running out of heap fails it too.
 */
public final class OneTransactionArray {
    private static final int BATCH = 1 << 17; // elements per bulk copy: 1 MiB

    private OneTransactionArray() {
    }

    public static void main(String[] args) throws IOException {
        long bytes = Long.parseLong(args[0]);
        Path path = Path.of(args[1]);
        Path spillDir = Path.of(args[2]);
        long n = bytes / Double.BYTES;
        FileStorage storage = FileStorage.open(path, FileStorageOptions.defaults().withSync(false));
        boolean ok;
        try (Database db = Database.open(storage)) {
            long start = System.nanoTime();
            long revision = write(db, n, spillDir);
            System.out.printf("[one-transaction] wrote %,d MiB of doubles in one transaction (revision %d) in %.1f s;"
                    + " the JVM's heap is at most %,d MiB%n", bytes >> 20, revision, (System.nanoTime() - start) / 1e9,
                    Runtime.getRuntime().maxMemory() >> 20);
            boolean spillGone = isEmpty(spillDir) && openSpillFiles() == 0;
            System.out.println("[one-transaction] spill file " + (spillGone ? "deleted" : "NOT DELETED") + " after the commit");
            start = System.nanoTime();
            boolean same = readBack(db, n);
            System.out.printf("[one-transaction] read back %,d elements in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
            ok = same && spillGone;
            System.out.println("[one-transaction] " + (same ? "values check" : "VALUES DIFFER"));
        }
        System.exit(ok ? 0 : 1);
    }

    private static long write(Database db, long n, Path spillDir) {
        try (Connection c = db.open()) {
            c.root().put("array", new BigArray(ElementType.DOUBLE, n));
            c.commit();
            BigArray array = (BigArray) c.root().get("array");
            array.file().handle(c).setSpillDirectory(spillDir);
            BigArrayHandle handle = array.handle(c);
            double[] batch = new double[BATCH];
            for (long from = 0; from < n; from += BATCH) {
                int length = (int) Math.min(BATCH, n - from);
                for (int i = 0; i < length; i++) {
                    batch[i] = value(from + i);
                }
                handle.set(from, length == BATCH ? batch : Arrays.copyOf(batch, length));
                if ((from + length) % (n / 4) < BATCH) {
                    heap("written, not committed", (from + length) * Double.BYTES);
                    System.out.println("[one-transaction] spill files open: " + openSpillFiles());
                }
            }
            long start = System.nanoTime();
            c.commit();
            System.out.printf("[one-transaction] the commit took %.1f s%n", (System.nanoTime() - start) / 1e9);
            heap("committed", n * Double.BYTES);
            return c.database().storage().lastRevision();
        }
    }

    private static boolean readBack(Database db, long n) {
        try (Connection c = db.open()) {
            PrimitiveIterator.OfDouble values = ((BigArray) c.root().get("array")).handle(c).doubles().iterator();
            for (long i = 0; i < n; i++) {
                double v = values.nextDouble();
                if (v != value(i)) {
                    System.out.println("[one-transaction] element " + i + " reads " + v + ", not " + value(i));
                    return false;
                }
            }
            return !values.hasNext();
        }
    }

    private static double value(long i) {
        return i * 0.5 + 1;
    }

    private static void heap(String what, long bytes) {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("[one-transaction] %,6d MiB %s: heap used %,d MiB%n", bytes >> 20, what,
                (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }

    /** Spill files open (on Linux a spill file leaves its directory when opened; its descriptor remains). */
    private static long openSpillFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).getFileName().toString().matches("jodb-bigfile-.*\\.spill( \\(deleted\\))?");
                } catch (IOException gone) { // the listing's own descriptor, closed meanwhile
                    return false;
                }
            }).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }
}
