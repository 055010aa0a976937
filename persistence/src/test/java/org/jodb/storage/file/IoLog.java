package org.jodb.storage.file;

import java.util.List;

/**
 * What a recorded workload did to its file: the durable content it started from, every write,
 * truncate and force in issue order (with the creation's publish and directory force, if it created
 * the file), and the revisions it acknowledged in between. Immutable.
 *
 * @param initial          the file under the name before the first operation, on the disk; null if
 *                         there was none (the workload creates it: its writes go to a new file that
 *                         has the name only once {@link IoKind#PUBLISH}ed)
 * @param ops              the operations in issue order
 * @param acknowledgements the acknowledged revisions, in order of {@link Acknowledgement#issuedOps}
 */
record IoLog(MemoryFile initial, List<IoOp> ops, List<Acknowledgement> acknowledgements) {
    IoLog {
        initial = initial == null ? null : initial.copy();
        ops = List.copyOf(ops);
        acknowledgements = List.copyOf(acknowledgements);
    }

    /**
     * The newest revision acknowledged once {@code issued} operations were issued, or -1 if none: a
     * power cut then must leave at least this revision. An acknowledgement at exactly that point
     * counts, so the check is the stricter one.
     */
    long acknowledgedAt(int issued) {
        long revision = -1;
        for (Acknowledgement ack : acknowledgements) {
            if (ack.issuedOps() > issued) {
                break;
            }
            revision = Math.max(revision, ack.revision());
        }
        return revision;
    }

    /**
     * The newest revision a power cut after {@code issued} operations may leave: what the operation
     * in flight then acknowledged (a compaction may commit several revisions; a batched collection
     * acknowledges each of its revisions at once, when it returns), or the last one.
     */
    long newestPossibleAt(int issued) {
        long last = -1;
        int inFlightAckedAt = -1;
        for (Acknowledgement ack : acknowledgements) {
            if (inFlightAckedAt >= 0 && ack.issuedOps() != inFlightAckedAt) {
                break;
            }
            last = Math.max(last, ack.revision());
            if (ack.issuedOps() > issued) {
                inFlightAckedAt = ack.issuedOps();
            }
        }
        return last;
    }
}
