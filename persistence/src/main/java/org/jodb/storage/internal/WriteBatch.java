package org.jodb.storage.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.LongPredicate;
import org.jodb.ConflictException;
import org.jodb.storage.Record;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Storage;

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
        long previous = 0;
        boolean ascending = true; // the usual case: a commit's oids in increasing order, no duplicate
        Set<Long> seen = null;
        for (RecordWrite write : batch) {
            if (write == null) {
                throw new IllegalArgumentException("a write is null");
            }
            if (write.oid() < Storage.ROOT_OID) {
                throw new IllegalArgumentException("invalid oid " + Record.hex(write.oid()) + ": oids start at 1");
            }
            if (ascending && write.oid() <= previous) {
                ascending = false;
                seen = new HashSet<>();
                for (RecordWrite earlier : batch) {
                    if (earlier == write) {
                        break;
                    }
                    seen.add(earlier.oid());
                }
            }
            previous = write.oid();
            if (!ascending && !seen.add(write.oid())) {
                throw new IllegalArgumentException("oid " + Record.hex(write.oid()) + " is written twice in one commit");
            }
            if (write.baseSerial() < 0) {
                throw new IllegalArgumentException(
                        "oid " + Record.hex(write.oid()) + ": negative base serial " + write.baseSerial());
            }
            if (write.payload() == null) {
                throw new IllegalArgumentException("oid " + Record.hex(write.oid()) + ": payload is null");
            }
            if (write.references() == null) {
                throw new IllegalArgumentException(
                        "oid " + Record.hex(write.oid()) + ": references is null (use an empty array)");
            }
            if (!knownType.test(write.classId())) {
                throw new IllegalArgumentException("oid " + Record.hex(write.oid()) + ": unknown type id "
                        + write.classId() + " (register it with typeId)");
            }
        }
        return batch;
    }

    /**
     * Throws the conflict of a write whose base serial is not the object's current serial
     * ({@code 0} = the object does not exist), with a message that says which case it is.
     */
    public static void checkBase(RecordWrite write, long currentSerial) {
        if (write.baseSerial() == currentSerial) {
            return;
        }
        String oid = Record.hex(write.oid());
        String message;
        if (write.baseSerial() == 0) {
            message = "oid " + oid + " already exists (written at revision " + currentSerial
                    + "), but the commit creates it (base revision 0)";
        } else if (currentSerial == 0) {
            message = "oid " + oid + " does not exist (current revision 0), but the commit writes it"
                    + " based on revision " + write.baseSerial();
        } else {
            message = "oid " + oid + " was changed at revision " + currentSerial
                    + " after the commit's base revision " + write.baseSerial();
        }
        throw new ConflictException(write.oid(), write.baseSerial(), currentSerial, message);
    }

    /**
     * Refuses a write that refers to an object garbage collection removed: the transaction read
     * it before the removal, so it conflicts and is retried.
     */
    public static void checkNotRemoved(RecordWrite write, LongPredicate removed, long lastRevision) {
        for (long reference : write.references()) {
            if (removed.test(reference)) {
                throw new ConflictException(write.oid(), write.baseSerial(), write.baseSerial(),
                        "oid " + Record.hex(write.oid()) + " refers to oid " + Record.hex(reference) + ", which garbage"
                        + " collection removed as unreachable (last revision " + lastRevision
                        + "); the transaction read it before the removal: retry it");
            }
        }
    }

}
