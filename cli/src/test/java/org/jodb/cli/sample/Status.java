package org.jodb.cli.sample;

/** An enum stored by name inside a {@link Shipment}. */
public enum Status {
    PACKED, SENT
}
