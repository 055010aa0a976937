package org.jodb.storage.file;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.jodb.storage.Record;
import org.jodb.storage.Snapshot;

/** Compares what a snapshot reads with what its revision must hold, record by record. */
final class RevisionContent {
    private RevisionContent() {
    }

    /**
     * The first difference between {@code expected} (over every oid in {@code oids}) and what
     * {@code snapshot} reads, or null if it reads exactly that.
     */
    static String difference(Map<Long, Record> expected, Set<Long> oids, Snapshot snapshot) {
        for (long oid : oids) {
            String problem = difference(expected.get(oid), snapshot.load(oid));
            if (problem != null) {
                return "revision " + snapshot.revision() + ", oid " + oid + ": " + problem;
            }
        }
        return null;
    }

    /** How {@code actual} differs from {@code expected} (either may be null: no such object), or null. */
    static String difference(Record expected, Record actual) {
        if (expected == null || actual == null) {
            return expected == actual ? null : expected == null ? "exists but should not (serial "
                    + actual.serial() + ")" : "is missing (expected serial " + expected.serial() + ")";
        }
        if (expected.serial() != actual.serial()) {
            return "serial " + actual.serial() + ", expected " + expected.serial();
        }
        if (expected.classId() != actual.classId()) {
            return "type " + actual.classId() + ", expected " + expected.classId();
        }
        if (!Arrays.equals(expected.references(), actual.references())) {
            return "references " + Arrays.toString(actual.references()) + ", expected "
                    + Arrays.toString(expected.references());
        }
        if (!Arrays.equals(expected.payload(), actual.payload())) {
            return "payload of " + actual.payload().length + " bytes differs from the expected "
                    + expected.payload().length + " bytes";
        }
        return null;
    }
}
