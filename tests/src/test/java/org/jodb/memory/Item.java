package org.jodb.memory;

import org.jodb.Persistent;

/** A persistent object with a payload, the unit the memory tests read by the hundred thousand. */
@Persistent
public class Item {
    private int number;
    private byte[] payload;

    public Item(int number, int payloadBytes) {
        this.number = number;
        this.payload = new byte[payloadBytes];
        this.payload[0] = (byte) number;
    }

    public int number() {
        return number;
    }

    public int payloadLength() {
        return payload.length;
    }

    public void renumber(int newNumber) {
        number = newNumber;
    }
}
