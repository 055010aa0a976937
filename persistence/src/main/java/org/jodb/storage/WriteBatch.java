package org.jodb.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Checks shared by storage implementations on the writes handed to {@link Storage#commit}, before
 * anything is locked or written, so that malformed input fails the same way on every storage.
 */
public final class WriteBatch {
    private WriteBatch() {
    }

    /**
     * The writes as a list, after rejecting malformed ones.
     *
     * @param knownType whether a class id was registered with {@link Storage#typeId}
     * @throws IllegalArgumentException naming the oid and what is wrong with its write
     */
    public static List<RecordWrite> validate(Collection<RecordWrite> writes, IntPredicate knownType) {
        if (writes == null) {
            throw new IllegalArgumentException("writes is null");
        }
        List<RecordWrite> batch = new ArrayList<>(writes);
        Set<Long> seen = new HashSet<>();
        for (RecordWrite write : batch) {
            if (write == null) {
                throw new IllegalArgumentException("a write is null");
            }
            String oid = hex(write.oid());
            if (write.oid() < Storage.ROOT_OID) {
                throw new IllegalArgumentException("invalid oid " + oid + ": oids start at 1");
            }
            if (!seen.add(write.oid())) {
                throw new IllegalArgumentException("oid " + oid + " is written twice in one commit");
            }
            if (write.baseSerial() < 0) {
                throw new IllegalArgumentException(
                        "oid " + oid + ": negative base serial " + write.baseSerial());
            }
            if (write.payload() == null) {
                throw new IllegalArgumentException("oid " + oid + ": payload is null");
            }
            if (write.references() == null) {
                throw new IllegalArgumentException(
                        "oid " + oid + ": references is null (use an empty array)");
            }
            if (!knownType.test(write.classId())) {
                throw new IllegalArgumentException(
                        "oid " + oid + ": unknown type id " + write.classId() + " (register it with typeId)");
            }
        }
        return batch;
    }

    /** An oid as messages print it: {@code 0x2a}. */
    public static String hex(long oid) {
        return "0x" + Long.toHexString(oid);
    }
}
