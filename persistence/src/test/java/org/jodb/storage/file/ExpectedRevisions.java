package org.jodb.storage.file;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jodb.storage.Record;

/**
 * What each revision a workload saw acknowledged holds: every record (oid, serial, type, references,
 * payload), and the type descriptors. A revision between two acknowledged ones (the extra commits of
 * a compaction, which change no object) holds what the next acknowledged one holds.
 *
 * <p>Not thread-safe: one workload thread fills it, then the checker reads it.
 */
final class ExpectedRevisions {
    private final TreeMap<Long, Map<Long, Record>> contents = new TreeMap<>();
    private final Map<Integer, String> types = new HashMap<>();
    private final Set<Long> oids = new TreeSet<>();
    private Map<Long, Record> latest = Map.of();

    /** The content of the newest acknowledged revision (empty before the first). */
    Map<Long, Record> latest() {
        return latest;
    }

    /** Records that {@code revision} holds exactly {@code content}. */
    void acknowledge(long revision, Map<Long, Record> content) {
        Map.Entry<Long, Map<Long, Record>> newest = contents.lastEntry();
        if (newest != null && revision < newest.getKey()) {
            throw new IllegalStateException("revision " + revision + " acknowledged after " + newest.getKey());
        }
        latest = Map.copyOf(content);
        contents.put(revision, latest);
        oids.addAll(content.keySet());
    }

    void type(int id, String descriptor) {
        types.put(id, descriptor);
    }

    String descriptor(int id) {
        return types.get(id);
    }

    /** Every oid any acknowledged revision held. */
    Set<Long> oids() {
        return oids;
    }

    /** What {@code revision} holds, or null if it was never acknowledged (nor one after it). */
    Map<Long, Record> at(long revision) {
        Map.Entry<Long, Map<Long, Record>> entry = contents.ceilingEntry(revision);
        return entry == null ? null : entry.getValue();
    }

    long newestRevision() {
        return contents.isEmpty() ? -1 : contents.lastKey();
    }
}
