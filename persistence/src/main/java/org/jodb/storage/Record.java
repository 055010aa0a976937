package org.jodb.storage;

/**
 * One stored revision of one object.
 *
 * @param oid        the object id
 * @param serial     the revision that wrote this record
 * @param classId    the type catalog id describing the payload's layout
 * @param references oids of the persistent objects the payload refers to (for reachability)
 * @param payload    the serialized state; never modified after construction
 */
public record Record(long oid, long serial, int classId, long[] references, byte[] payload) {

    /**
     * What a record of {@code payloadBytes} and {@code references} weighs: payload plus 8 bytes per
     * reference. Caches weigh records by it and size estimates are calibrated against it.
     */
    public static int weight(int payloadBytes, int references) {
        return payloadBytes + 8 * references;
    }

    /** This record's {@link #weight(int, int)}. */
    public int weight() {
        return weight(payload.length, references.length);
    }

    /** An oid as jodb's messages print it: {@code 0x} and hexadecimal. */
    public static String hex(long oid) {
        return "0x" + Long.toHexString(oid);
    }
}
