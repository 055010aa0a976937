package org.jodb.cli.sample;

/** A plain (not persistent) class stored by value inside a {@link Shipment}. */
public class Address {
    private String city;
    private int zip;

    public Address(String city, int zip) {
        this.city = city;
        this.zip = zip;
    }
}
