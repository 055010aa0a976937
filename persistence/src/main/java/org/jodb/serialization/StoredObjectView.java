package org.jodb.serialization;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * An object's state decoded by its stored layout, without its class: the class name and each
 * stored field's value in layout order. A persistent object's record decodes to one, and so does
 * every plain object or Java record inside it whose class is not part of the Java platform.
 *
 * <p>Field values are boxed primitives, {@code String}s and other Java platform values (collections
 * and maps hold decoded values too), {@link StoredReference}s for persistent objects,
 * {@link StoredEnumConstant}s for enums of other classes, and nested {@code StoredObjectView}s.
 *
 * @param className the binary name of the class the state was written by
 * @param layoutId  the catalog id of the layout it was written with
 * @param fields    field name to value, in layout order (unmodifiable); only the fields decoded
 *                  before a failure when {@code failure} is set
 * @param failure   null when every field was decoded, else why decoding stopped (then the rest
 *                  of the record, whose length depends on what could not be read, is not shown)
 */
public record StoredObjectView(String className, int layoutId, Map<String, Object> fields, String failure) {

    /** Whether every stored field was decoded. */
    public boolean complete() {
        return failure == null;
    }

    @Override
    public String toString() {
        String body = fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + StoredLayoutReader.describe(field.getValue()))
                .collect(Collectors.joining(", "));
        return className + "{" + body + (failure == null ? "" : (body.isEmpty() ? "" : ", ") + "<" + failure + ">")
                + "}";
    }
}
