package org.jodb.cache;

/**
 * One cached record of an oid and the revisions it is known to be the newest record for.
 * {@code validUntil} is exclusive; {@link Long#MAX_VALUE} means open: valid through the
 * {@link RecordCache}'s horizon. Only the record cache mutates it, under its write lock.
 */
final class RecordVersion<R> {
    final R record;
    final long serial;
    volatile long validUntil;

    RecordVersion(R record, long serial, long validUntil) {
        this.record = record;
        this.serial = serial;
        this.validUntil = validUntil;
    }

    boolean isOpen() {
        return validUntil == Long.MAX_VALUE;
    }
}
