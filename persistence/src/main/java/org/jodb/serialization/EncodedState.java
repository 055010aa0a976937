package org.jodb.serialization;

/**
 * The encoded state of one persistent object.
 *
 * @param classId    the durable id of the object's class layout (see {@link TypeCatalog#layoutId});
 *                   {@link RecordCodec#classOf(int)} gives the class to instantiate
 * @param references the distinct oids of the persistent objects the state refers to, in order of
 *                   first appearance (for garbage collection and prefetching)
 * @param payload    the fields in layout order; contains no class names, only catalog ids
 */
public record EncodedState(int classId, long[] references, byte[] payload) {
}
