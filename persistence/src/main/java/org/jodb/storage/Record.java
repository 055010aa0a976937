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
}
