package org.jodb.serialization;

/**
 * Thrown deep inside a value graph when a value cannot be stored. {@link RecordCodec#encode} turns
 * it into an {@link org.jodb.UnstorableFieldException} naming the top-level field, which is only
 * known there.
 */
final class UnstorableValueException extends RuntimeException {
    UnstorableValueException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
