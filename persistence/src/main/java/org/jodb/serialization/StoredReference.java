package org.jodb.serialization;

/**
 * A reference to another persistent object as a {@link StoredLayoutReader} decodes it: the oid and
 * the class of the object's record. Immutable.
 *
 * @param className the binary name of the referenced object's class
 * @param oid       its oid
 */
public record StoredReference(String className, long oid) {
    @Override
    public String toString() {
        return "-> 0x" + Long.toHexString(oid) + " (" + className + ")";
    }
}
