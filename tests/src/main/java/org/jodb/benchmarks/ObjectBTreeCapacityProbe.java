package org.jodb.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.Map;
import java.util.SplittableRandom;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.Persistence;
import org.jodb.btree.ObjectBTree;
import org.jodb.btree.TreePart;
import org.jodb.btree.TreeVisitor;
import org.jodb.cache.ObjectState;
import org.jodb.storage.ForwardingStorage;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Storage;
import org.jodb.storage.memory.MemoryStorage;

/**
 * The figures behind {@link ObjectBTree}'s default bucket capacity, measured in thread CPU time
 * (robust on a machine shared with other work, where wall-clock JMH figures swing) and in bytes of
 * records committed (exact): for each bucket capacity given, an {@code ObjectBTree<String, Long>}
 * of random 25-character keys (as {@link ObjectBTreeCapacityBenchmark}) on the in-memory storage.
 * Per capacity, after a first round that warms the JIT:
 * <ul>
 *   <li>put: CPU time and record bytes committed per insert, the keys inserted in random order in
 *       commits of 1,000 into a tree that grows to its full size;</li>
 *   <li>get: CPU time per lookup of a present key, every part loaded;</li>
 *   <li>bucket-cold get: CPU time per lookup right after every bucket was made a ghost, the nodes
 *       left loaded (as a cache keeps its hot nodes): the cost of loading a bucket;</li>
 *   <li>scan: CPU time per entry of an ordered pass, every part loaded.</li>
 * </ul>
 * Not a JMH benchmark. Arguments: entries, then bucket capacities (nodes of 250), e.g.
 * {@code 200000 120 60 30 15}.
 */
public final class ObjectBTreeCapacityProbe {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ObjectBTreeCapacityProbe() {
    }

    public static void main(String[] args) {
        int entries = Integer.parseInt(args[0]);
        System.out.println("bucket  put ns  put bytes  get ns  bucket-cold get ns  scan ns/entry");
        for (int round = 0; round < 2; round++) { // the first round warms the JIT
            for (int i = 1; i < args.length; i++) {
                probe(entries, Integer.parseInt(args[i]), round == 1);
            }
        }
    }

    private static void probe(int entries, int bucketCapacity, boolean print) {
        SplittableRandom random = new SplittableRandom(20261202);
        String[] keys = new String[entries];
        for (int i = 0; i < entries; i++) {
            keys[i] = ObjectBTreeCapacityBenchmark.key(random);
        }
        CountingStorage storage = new CountingStorage(new MemoryStorage());
        try (Database db = Database.open(storage, DatabaseOptions.defaults().withCacheTargetCount(10_000_000)
                .withCacheTargetBytes(1L << 40)); Connection conn = db.open()) {
            ObjectBTree<String, Long> tree = new ObjectBTree<>(null, bucketCapacity, 250);
            conn.root().put("tree", tree);
            conn.commit();
            // puts: random keys in commits of 1,000, the tree growing to its full size
            long bytesBefore = storage.bytes;
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < entries; i++) {
                tree.put(keys[i], (long) i);
                if ((i + 1) % 1_000 == 0) {
                    conn.commit();
                }
            }
            conn.commit();
            double putNs = (double) (THREADS.getCurrentThreadCpuTime() - start) / entries;
            double putBytes = (double) (storage.bytes - bytesBefore) / entries;
            long sum = 0;
            start = THREADS.getCurrentThreadCpuTime();
            for (int pass = 0; pass < 3; pass++) {
                for (String key : keys) {
                    sum += tree.get(key);
                }
            }
            double getNs = (double) (THREADS.getCurrentThreadCpuTime() - start) / (3.0 * entries);
            // cold gets: every bucket a ghost, the nodes loaded (as a cache keeps its hot nodes)
            int coldGets = 0;
            long coldCpu = 0;
            for (int batch = 0; batch < 20; batch++) {
                ghostBuckets(tree);
                start = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < 500; i++) {
                    sum += tree.get(keys[random.nextInt(entries)]);
                    coldGets++;
                }
                coldCpu += THREADS.getCurrentThreadCpuTime() - start;
            }
            double coldNs = (double) coldCpu / coldGets;
            for (Map.Entry<String, Long> entry : tree.entrySet()) { // loads every bucket
                sum += entry.getValue();
            }
            start = THREADS.getCurrentThreadCpuTime();
            for (int pass = 0; pass < 5; pass++) {
                for (Map.Entry<String, Long> entry : tree.entrySet()) {
                    sum += entry.getKey().length() + entry.getValue();
                }
            }
            double scanNs = (double) (THREADS.getCurrentThreadCpuTime() - start) / (5.0 * entries);
            if (print) {
                System.out.printf("%6d  %6.0f  %9.0f  %6.0f  %18.0f  %13.1f   (checksum %d)%n", bucketCapacity, putNs,
                        putBytes, getNs, coldNs, scanNs, sum);
            }
        }
    }

    private static void ghostBuckets(ObjectBTree<?, ?> tree) {
        tree.visit(new TreeVisitor() {
            @Override
            public void visitBucket(TreePart bucket) {
                if (bucket.state() != ObjectState.GHOST) {
                    Persistence.deactivate(bucket.object());
                }
            }
        });
    }

    /** A storage that adds up the payload bytes of the records committed to it. */
    private static final class CountingStorage extends ForwardingStorage {
        long bytes;

        CountingStorage(Storage storage) {
            super(storage);
        }

        @Override
        public long commit(Collection<RecordWrite> writes) {
            for (RecordWrite write : writes) {
                bytes += write.payload().length;
            }
            return super.commit(writes);
        }
    }
}
