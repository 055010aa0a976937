package org.jodb.changes.model;

/** A plain (not persistent) object: stored inside its owner's record. */
public class Address {
    private String street;
    private String city;
    private Coordinates coordinates;

    public Address(String street, String city, Coordinates coordinates) {
        this.street = street;
        this.city = city;
        this.coordinates = coordinates;
    }

    public String street() {
        return street;
    }

    public String city() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public Coordinates coordinates() {
        return coordinates;
    }
}
