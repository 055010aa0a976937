package org.jodb.changes.model;

/** A plain object nested in another plain object, with public mutable fields. */
public class Coordinates {
    public double latitude;
    public double longitude;

    public Coordinates(double latitude, double longitude) {
        this.latitude = latitude;
        this.longitude = longitude;
    }
}
