package org.jodb.storage;

/**
 * A record to be written by a commit.
 *
 * @param oid        the object id
 * @param baseSerial the revision of the object this write is based on, or 0 for a new object; the
 *                   commit fails with a conflict if the object's current revision differs
 * @param classId    the type catalog id describing the payload's layout
 * @param references oids of the persistent objects the payload refers to
 * @param payload    the serialized state
 */
public record RecordWrite(long oid, long baseSerial, int classId, long[] references, byte[] payload) {
}
