package org.jodb.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jodb.storage.Storage;

/**
 * How deep the object graph reaches from the root: a breadth-first walk of the records'
 * references, so each object's depth is the length of its shortest chain from the root.
 *
 * @param depth   the largest depth (0 when only the root exists, -1 without a root)
 * @param chain   the oids from the root to one deepest object
 * @param reached objects reachable from the root, the root included
 */
record ReferenceDepth(int depth, List<Long> chain, long reached) {

    /** The depth of the graph of {@code references} (oid to the oids its record refers to). */
    static ReferenceDepth from(Map<Long, long[]> references) {
        long root = Storage.ROOT_OID;
        if (!references.containsKey(root)) {
            return new ReferenceDepth(-1, List.of(), 0);
        }
        Map<Long, Long> parent = new HashMap<>();
        parent.put(root, 0L);
        ArrayDeque<Long> queue = new ArrayDeque<>();
        queue.add(root);
        long last = root;
        while (!queue.isEmpty()) {
            long oid = queue.poll();
            last = oid; // breadth first: the last one taken is among the deepest
            for (long target : references.getOrDefault(oid, new long[0])) {
                if (references.containsKey(target) && parent.putIfAbsent(target, oid) == null) {
                    queue.add(target);
                }
            }
        }
        List<Long> chain = new ArrayList<>();
        for (long oid = last; oid != 0; oid = parent.get(oid)) {
            chain.add(oid);
        }
        Collections.reverse(chain);
        return new ReferenceDepth(chain.size() - 1, chain, parent.size());
    }
}
