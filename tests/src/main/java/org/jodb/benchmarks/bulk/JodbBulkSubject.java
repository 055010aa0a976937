package org.jodb.benchmarks.bulk;

import java.nio.file.Path;
import org.jodb.Connection;
import org.jodb.Database;

/** jodb with its defaults: the embedded file storage (durable commits), default caches. */
final class JodbBulkSubject implements BulkSubject {
    private static final String FILE = "bulk.jodb";

    @Override
    public String name() {
        return "jodb";
    }

    @Override
    public long store(Path dir, int objects) {
        BulkNode[] nodes = new BulkNode[objects];
        for (int i = 0; i < objects; i++) {
            nodes[i] = new BulkNode(BulkSubject.nameOf(i), i, i == 0 ? null : nodes[i - 1]);
        }
        try (Database db = Database.open(dir.resolve(FILE)); Connection conn = db.open()) {
            long start = System.nanoTime();
            conn.root().put("nodes", new BulkHolder(nodes));
            conn.commit();
            return System.nanoTime() - start;
        }
    }

    @Override
    public long loadAll(Path dir, int objects) {
        long start = System.nanoTime();
        int found = 0;
        long sum = 0;
        try (Database db = Database.open(dir.resolve(FILE)); Connection conn = db.open()) {
            for (BulkNode node : ((BulkHolder) conn.root().get("nodes")).nodes()) {
                found++;
                sum += node.value() + node.name().length();
            }
            long elapsed = System.nanoTime() - start;
            BulkSubject.check(name(), objects, found, sum);
            return elapsed;
        }
    }
}
