package org.jodb.cli.sample;

import java.util.ArrayList;
import java.util.List;
import org.jodb.Persistent;

/** A persistent class of the tests' files: plain, record, enum, list and reference fields. */
@Persistent
public class Shipment {
    private String id;
    private int weight;
    private Address to;
    private Dimensions size;
    private Status status;
    private List<String> notes = new ArrayList<>();
    private Shipment next;

    public Shipment(String id, int weight, Address to) {
        this.id = id;
        this.weight = weight;
        this.to = to;
        this.size = new Dimensions(weight, weight * 2);
        this.status = Status.PACKED;
    }

    public void send(String note) {
        status = Status.SENT;
        notes.add(note);
    }

    public void setNext(Shipment next) {
        this.next = next;
    }

    public Shipment next() {
        return next;
    }

    public int weight() {
        return weight;
    }
}
