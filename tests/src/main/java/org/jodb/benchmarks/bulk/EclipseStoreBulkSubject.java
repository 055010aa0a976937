package org.jodb.benchmarks.bulk;

import java.nio.file.Path;
import org.eclipse.store.storage.embedded.types.EmbeddedStorage;
import org.eclipse.store.storage.embedded.types.EmbeddedStorageManager;

/**
 * EclipseStore with its defaults. {@code storeRoot()} writes without forcing the file (EclipseStore
 * makes no fsync call), and a started storage manager loads the whole graph reachable from its root
 * (no {@code Lazy} references), so reading the nodes afterwards touches memory only.
 */
final class EclipseStoreBulkSubject implements BulkSubject {
    @Override
    public String name() {
        return "EclipseStore";
    }

    @Override
    public long store(Path dir, int objects) {
        PlainNode[] nodes = new PlainNode[objects];
        for (int i = 0; i < objects; i++) {
            nodes[i] = new PlainNode(BulkSubject.nameOf(i), i, i == 0 ? null : nodes[i - 1]);
        }
        EmbeddedStorageManager storage = EmbeddedStorage.start(dir);
        try {
            long start = System.nanoTime();
            storage.setRoot(nodes);
            storage.storeRoot();
            return System.nanoTime() - start;
        } finally {
            storage.shutdown();
        }
    }

    @Override
    public long loadAll(Path dir, int objects) {
        long start = System.nanoTime();
        EmbeddedStorageManager storage = EmbeddedStorage.start(dir);
        try {
            int found = 0;
            long sum = 0;
            for (PlainNode node : (PlainNode[]) storage.root()) {
                found++;
                sum += node.value() + node.name().length();
            }
            long elapsed = System.nanoTime() - start;
            BulkSubject.check(name(), objects, found, sum);
            return elapsed;
        } finally {
            storage.shutdown();
        }
    }
}
