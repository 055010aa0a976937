package org.jodb.benchmarks.lmdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.Txn;

/**
 * LMDB through lmdbjava, one environment in one file, keys 8-byte big-endian indexes (so they sort
 * as LMDB's B+tree likes), byte arrays in and out like jodb's. Read transactions use
 * {@code MDB_NOTLS} so several can stay open on one thread. With sync off, {@code MDB_NOSYNC}.
 */
public final class LmdbSubject implements KeyValueSubject {
    /** Address space only: LMDB's file grows as pages are written, not to the map size. */
    private static final long MAP_SIZE = 16L << 30;

    private final Path file;
    private final Env<byte[]> env;
    private final Dbi<byte[]> dbi;

    public LmdbSubject(Path file, boolean sync) {
        this.file = file;
        List<EnvFlags> flags = new ArrayList<>(List.of(EnvFlags.MDB_NOSUBDIR, EnvFlags.MDB_NOTLS));
        if (!sync) {
            flags.add(EnvFlags.MDB_NOSYNC);
        }
        this.env = Env.create(ByteArrayProxy.PROXY_BA).setMapSize(MAP_SIZE).setMaxDbs(1).setMaxReaders(64)
                .open(file.toFile(), flags.toArray(new EnvFlags[0]));
        this.dbi = env.openDbi("records", DbiFlags.MDB_CREATE);
    }

    private static byte[] key(int index) {
        return ByteBuffer.allocate(8).putLong(index).array();
    }

    @Override
    public String name() {
        return "LMDB";
    }

    @Override
    public void commit(int[] keys, byte[][] values) {
        try (Txn<byte[]> txn = env.txnWrite()) {
            for (int i = 0; i < keys.length; i++) {
                dbi.put(txn, key(keys[i]), values[i]);
            }
            txn.commit();
        }
    }

    @Override
    public PinnedReader openReader() {
        Txn<byte[]> txn = env.txnRead();
        return new PinnedReader() {
            @Override
            public byte[] get(int key) {
                return dbi.get(txn, key(key));
            }

            @Override
            public void close() {
                txn.close();
            }
        };
    }

    @Override
    public long fileSize() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        env.close();
        try {
            Files.deleteIfExists(Path.of(file + "-lock"));
        } catch (IOException e) {
            // a stale lock file in a temporary directory harms nothing
        }
    }
}
