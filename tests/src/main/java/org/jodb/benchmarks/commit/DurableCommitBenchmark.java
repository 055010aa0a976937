package org.jodb.benchmarks.commit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.store.storage.embedded.types.EmbeddedStorage;
import org.eclipse.store.storage.embedded.types.EmbeddedStorageManager;
import org.jodb.benchmarks.PlainAccount;
import org.jodb.benchmarks.lmdb.LmdbSubject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A commit of one changed object among {@value #OBJECTS}, side by side in one run, all files in one
 * temporary directory (one file system):
 * <ul>
 * <li>durable: {@code durable1RawSync}, the machine's limit: a 4 KiB overwrite of a preallocated
 * file and {@code FileChannel.force(false)}; {@code durable2Jodb}, jodb's file storage with sync
 * on (the default); {@code durable3Lmdb}, LMDB with sync on (one key of the same size);</li>
 * <li>not durable: {@code notDurable1Jodb}, jodb with {@code sync(false)}; {@code notDurable2EclipseStore},
 * EclipseStore's {@code store()} of the changed object, which calls no fsync at all.</li>
 * </ul>
 * Sample time, so the median (p0.50) is printed beside the mean.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DurableCommitBenchmark {
    static final int OBJECTS = 10_000;
    private static final int PAGE = 4096;
    private static final int RAW_PAGES = 256;

    /** The one directory every subject's file lives in. */
    @State(Scope.Benchmark)
    public static class Directory {
        Path dir;

        @Setup(Level.Trial)
        public void create() throws IOException {
            dir = Files.createTempDirectory("jodb-durable-commit-");
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @State(Scope.Thread)
    public static class RawFile {
        FileChannel channel;
        final ByteBuffer page = ByteBuffer.allocateDirect(PAGE);
        int next;

        @Setup(Level.Trial)
        public void open(Directory directory) throws IOException {
            channel = FileChannel.open(directory.dir.resolve("raw"), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            for (int i = 0; i < RAW_PAGES; i++) { // preallocated: the overwrites never grow the file
                page.clear();
                channel.write(page, (long) i * PAGE);
            }
            channel.force(true);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            channel.close();
        }
    }

    @State(Scope.Thread)
    public static class JodbSynced {
        JodbAccounts db;
        JodbAccounts.Session session;

        @Setup(Level.Trial)
        public void open(Directory directory) {
            db = new JodbAccounts(directory.dir.resolve("synced.jodb"), true, OBJECTS);
            session = db.session(0, OBJECTS);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            db.close();
        }
    }

    @State(Scope.Thread)
    public static class JodbUnsynced {
        JodbAccounts db;
        JodbAccounts.Session session;

        @Setup(Level.Trial)
        public void open(Directory directory) {
            db = new JodbAccounts(directory.dir.resolve("unsynced.jodb"), false, OBJECTS);
            session = db.session(0, OBJECTS);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            db.close();
        }
    }

    @State(Scope.Thread)
    public static class Lmdb {
        LmdbSubject lmdb;
        final byte[] value = new byte[40]; // about a jodb account record
        int next;

        @Setup(Level.Trial)
        public void open(Directory directory) {
            lmdb = new LmdbSubject(directory.dir.resolve("lmdb"), true);
            int[] keys = new int[OBJECTS];
            byte[][] values = new byte[OBJECTS][];
            for (int i = 0; i < OBJECTS; i++) {
                keys[i] = i;
                values[i] = value;
            }
            lmdb.commit(keys, values);
        }

        @TearDown(Level.Trial)
        public void close() {
            lmdb.close();
        }
    }

    @State(Scope.Thread)
    public static class EclipseStore {
        EmbeddedStorageManager storage;
        List<PlainAccount> accounts;
        int next;

        @Setup(Level.Trial)
        public void open(Directory directory) {
            accounts = new ArrayList<>(OBJECTS);
            for (int i = 0; i < OBJECTS; i++) {
                accounts.add(new PlainAccount("owner-" + i, i));
            }
            storage = EmbeddedStorage.start(accounts, directory.dir.resolve("eclipsestore"));
            storage.storeRoot();
        }

        @TearDown(Level.Trial)
        public void close() {
            storage.shutdown();
        }
    }

    @Benchmark
    public void durable1RawSync(RawFile raw) throws IOException {
        raw.page.clear();
        raw.page.putLong(0, raw.next);
        raw.channel.write(raw.page, (long) (raw.next++ % RAW_PAGES) * PAGE);
        raw.channel.force(false);
    }

    @Benchmark
    public void durable2Jodb(JodbSynced jodb) {
        jodb.session.commitOne();
    }

    @Benchmark
    public void durable3Lmdb(Lmdb lmdb) {
        int key = lmdb.next++ % OBJECTS;
        lmdb.value[0]++;
        lmdb.lmdb.commit(new int[] {key}, new byte[][] {lmdb.value});
    }

    @Benchmark
    public void notDurable1Jodb(JodbUnsynced jodb) {
        jodb.session.commitOne();
    }

    @Benchmark
    public void notDurable2EclipseStore(EclipseStore eclipse) {
        PlainAccount account = eclipse.accounts.get(eclipse.next++ % OBJECTS);
        account.deposit(1);
        eclipse.storage.store(account);
    }
}
