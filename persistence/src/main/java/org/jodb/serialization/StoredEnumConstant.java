package org.jodb.serialization;

/**
 * An enum constant as a {@link StoredLayoutReader} decodes it when the enum is not on the class
 * path: its class and constant name (enums are stored by name). Immutable.
 *
 * @param className the enum's binary name
 * @param name      the constant's name
 */
public record StoredEnumConstant(String className, String name) {
    @Override
    public String toString() {
        return className + "." + name;
    }
}
