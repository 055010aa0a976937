package org.jodb.changes.model;

import java.util.ArrayList;
import java.util.List;
import org.jodb.Persistent;

/** A persistent object holding plain objects: one in a field, more in a list. */
@Persistent
public class Customer {
    private final String name;
    private final Address address;
    private final List<Address> previousAddresses = new ArrayList<>();

    public Customer(String name, Address address) {
        this.name = name;
        this.address = address;
    }

    public String name() {
        return name;
    }

    public Address address() {
        return address;
    }

    public List<Address> previousAddresses() {
        return previousAddresses;
    }
}
