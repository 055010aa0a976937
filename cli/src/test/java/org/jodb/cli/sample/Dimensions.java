package org.jodb.cli.sample;

/** A record stored by value inside a {@link Shipment}. */
public record Dimensions(int length, int width) {
}
