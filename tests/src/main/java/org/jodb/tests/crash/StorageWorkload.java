package org.jodb.tests.crash;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jodb.storage.Record;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Snapshot;
import org.jodb.storage.Storage;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;
import org.jodb.storage.file.VerifyResult;

/**
 * A crash scenario on the storage SPI alone: the marker lives at oid {@link Storage#FIRST_OID}, slot
 * i at the oid after it plus i. Transaction n is one {@link FileStorage#commit} of its slots' payloads
 * and the marker; sync is on, so kills also land inside the forces. Subclasses choose the plan.
 */
public abstract class StorageWorkload implements CrashWorkload {
    /** The marker's payload uses this slot number, which no data slot has. */
    static final int MARKER_SLOT = -1;
    private static final long MARKER_OID = Storage.FIRST_OID;
    private static final String TYPE = "crash-record";

    private final CommitPlan plan;

    protected StorageWorkload(CommitPlan plan) {
        this.plan = plan;
    }

    private static long slotOid(int slot) {
        return MARKER_OID + 1 + slot;
    }

    private static byte[] marker(long transaction) {
        return SelfCheckingPayload.encode(transaction, MARKER_SLOT, 64);
    }

    @Override
    public void commitUntilKilled(Path file, Acknowledgements acks) {
        try (FileStorage storage = FileStorage.open(file, FileStorageOptions.defaults())) {
            int type = storage.typeId(TYPE);
            long[] serials = new long[plan.slots()];
            long markerSerial;
            long stored;
            try (Snapshot snapshot = storage.openSnapshot()) {
                Record marker = snapshot.load(MARKER_OID);
                markerSerial = marker == null ? 0 : marker.serial();
                stored = marker == null ? -1 : SelfCheckingPayload.decode(marker.payload(), MARKER_SLOT);
                for (int slot = 0; slot < serials.length; slot++) {
                    Record record = snapshot.load(slotOid(slot));
                    serials[slot] = record == null ? 0 : record.serial();
                }
            }
            if (stored < 0) {
                allocateOids(storage);
            }
            acks.ready();
            for (long n = stored + 1; ; n++) {
                int[] slots = plan.slotsOf(n);
                List<RecordWrite> writes = new ArrayList<>(slots.length + 1);
                for (int slot : slots) {
                    writes.add(new RecordWrite(slotOid(slot), serials[slot], type, new long[0], plan.payload(n, slot)));
                }
                writes.add(new RecordWrite(MARKER_OID, markerSerial, type, new long[0], marker(n)));
                long revision = storage.commit(writes);
                for (int slot : slots) {
                    serials[slot] = revision;
                }
                markerSerial = revision;
                acks.committed(n);
            }
        }
    }

    /** A new file hands out oids from FIRST_OID on; the fixed oids above rely on that. */
    private void allocateOids(FileStorage storage) {
        for (int i = 0; i <= plan.slots(); i++) {
            long oid = storage.newOid();
            if (oid != MARKER_OID + i) {
                throw new IllegalStateException("expected oid " + (MARKER_OID + i) + ", got " + oid);
            }
        }
    }

    @Override
    public long checkAfterCrash(Path file) {
        try (FileStorage storage = FileStorage.open(file, FileStorageOptions.defaults())) {
            VerifyResult verified = storage.verify();
            try (Snapshot snapshot = storage.openSnapshot()) {
                Record marker = snapshot.load(MARKER_OID);
                long stored = marker == null ? -1 : SelfCheckingPayload.decode(marker.payload(), MARKER_SLOT);
                long expectedRecords = stored < 0 ? 0 : plan.slots() + 1;
                if (verified.records() != expectedRecords) {
                    throw new AssertionError("marker " + stored + ": expected " + expectedRecords
                            + " records, the tree holds " + verified.records());
                }
                long[] writers = plan.lastWriters(stored);
                for (int slot = 0; slot < writers.length; slot++) {
                    checkSlot(snapshot.load(slotOid(slot)), slot, writers[slot], stored);
                }
                return stored;
            }
        }
    }

    private void checkSlot(Record record, int slot, long expectedWriter, long stored) {
        if (expectedWriter < 0) {
            if (record != null) {
                throw new AssertionError("marker " + stored + ": slot " + slot + " should not exist yet");
            }
            return;
        }
        if (record == null) {
            throw new AssertionError("marker " + stored + ": slot " + slot + " is missing");
        }
        long writer = SelfCheckingPayload.decode(record.payload(), slot);
        if (writer != expectedWriter || !Arrays.equals(record.payload(), plan.payload(writer, slot))) {
            throw new AssertionError("marker " + stored + ": slot " + slot + " holds transaction " + writer
                    + "'s payload, expected transaction " + expectedWriter + "'s");
        }
    }
}
