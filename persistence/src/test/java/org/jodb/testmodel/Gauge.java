package org.jodb.testmodel;

import org.jodb.Persistent;

/** A persistent class that is {@link Cloneable}: its copies must be new objects. */
@Persistent
public class Gauge implements Cloneable {
    private String name;
    private long reading;

    public Gauge(String name, long reading) {
        this.name = name;
        this.reading = reading;
    }

    public String name() {
        return name;
    }

    public long reading() {
        return reading;
    }

    public void set(long reading) {
        this.reading = reading;
    }

    @Override
    public Gauge clone() {
        try {
            return (Gauge) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
