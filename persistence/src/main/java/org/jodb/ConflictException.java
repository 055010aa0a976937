package org.jodb;

/**
 * A commit lost a write-write conflict: another transaction committed a newer revision of an object
 * this transaction changed. Nothing of the failed commit was written. Retry the whole transaction
 * from the start, for example with {@link Database#transact}.
 */
public class ConflictException extends JodbException {
    private final long oid;
    private final long readSerial;
    private final long currentSerial;

    public ConflictException(long oid, long readSerial, long currentSerial, String message) {
        super(message);
        this.oid = oid;
        this.readSerial = readSerial;
        this.currentSerial = currentSerial;
    }

    /** The conflicting object's oid. */
    public long oid() {
        return oid;
    }

    /** The revision of the object that this transaction read (0 if it created the object). */
    public long readSerial() {
        return readSerial;
    }

    /** The revision of the object that is committed now. */
    public long currentSerial() {
        return currentSerial;
    }
}
