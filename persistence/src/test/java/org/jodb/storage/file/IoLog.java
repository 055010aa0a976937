package org.jodb.storage.file;

import java.util.List;

/**
 * What a recorded workload did to its file: the durable content it started from, every write,
 * truncate and force in issue order, and the revisions it acknowledged in between. Immutable.
 *
 * @param initial          the file before the first operation, on the disk (empty for a new file)
 * @param ops              the operations in issue order
 * @param acknowledgements the acknowledged revisions, in order of {@link Acknowledgement#issuedOps}
 */
record IoLog(MemoryFile initial, List<IoOp> ops, List<Acknowledgement> acknowledgements) {
    IoLog {
        initial = initial.copy();
        ops = List.copyOf(ops);
        acknowledgements = List.copyOf(acknowledgements);
    }

    /** A log of a file that did not exist before its first operation. */
    IoLog(List<IoOp> ops, List<Acknowledgement> acknowledgements) {
        this(new MemoryFile(), ops, acknowledgements);
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
     * in flight then acknowledged (a compaction may commit several revisions), or the last one.
     */
    long newestPossibleAt(int issued) {
        long last = -1;
        for (Acknowledgement ack : acknowledgements) {
            last = ack.revision();
            if (ack.issuedOps() > issued) {
                break;
            }
        }
        return last;
    }
}
