package org.jodb.storage.file;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Decoded tree nodes by page number, so that hot branches and leaves are not decoded on every load.
 *
 * <p>A page number alone is not a safe key: a page freed and reused holds a different node. Every
 * lookup therefore passes the pointer's creating revision and gets a hit only if the cached node
 * was created at that revision; a stale entry (even one put by a reader racing with a snapshot
 * close) is a miss, never a wrong answer.
 *
 * <p>Thread-safe. Bounded crudely: when it exceeds its capacity it is cleared, which is cheap and
 * rare; a real LRU can replace this without changing callers.
 */
final class NodeCache {
    private final ConcurrentHashMap<Long, Node> nodes = new ConcurrentHashMap<>();
    private final int capacity;

    NodeCache(int capacity) {
        this.capacity = capacity;
    }

    Node get(NodeRef ref) {
        Node node = nodes.get(ref.page());
        return node != null && node.ref().created() == ref.created() ? node : null;
    }

    void put(Node node) {
        if (capacity == 0) {
            return;
        }
        if (nodes.size() >= capacity) {
            nodes.clear();
        }
        nodes.put(node.ref().page(), node);
    }

    void clear() {
        nodes.clear();
    }
}
