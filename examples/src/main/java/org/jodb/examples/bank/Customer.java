package org.jodb.examples.bank;

import org.jodb.Persistent;

/** A customer; accounts refer to it, and it is stored once however many accounts refer to it. */
@Persistent
public class Customer {
    private String name;
    private String city;

    public Customer(String name, String city) {
        this.name = name;
        this.city = city;
    }

    public String name() {
        return name;
    }

    public String city() {
        return city;
    }

    public void moveTo(String city) {
        this.city = city;
    }
}
