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
 * @param metaWrites       the revision of each meta page written, once that write was issued (in
 *                         the same form: the operations issued with it, its revision)
 */
record IoLog(MemoryFile initial, List<IoOp> ops, List<Acknowledgement> acknowledgements,
        List<Acknowledgement> metaWrites) {
    IoLog {
        initial = initial == null ? null : initial.copy();
        ops = List.copyOf(ops);
        acknowledgements = List.copyOf(acknowledgements);
        metaWrites = List.copyOf(metaWrites);
    }

    /** A log without meta-page writes noted (the image builder's own tests). */
    IoLog(MemoryFile initial, List<IoOp> ops, List<Acknowledgement> acknowledgements) {
        this(initial, ops, acknowledgements, List.of());
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
     * acknowledges each of its revisions at once, when it returns), or the last one; and with
     * concurrent committers, whose revisions a group makes durable together but who acknowledge
     * them one by one, the newest revision whose meta page was written by then.
     */
    long newestPossibleAt(int issued) {
        long written = -1;
        for (Acknowledgement meta : metaWrites) {
            if (meta.issuedOps() <= issued) {
                written = Math.max(written, meta.revision());
            }
        }
        return Math.max(written, newestInFlightAt(issued));
    }

    private long newestInFlightAt(int issued) {
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
